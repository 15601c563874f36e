package cn.jiaozuo.biodiversity.bulletin;

import cn.jiaozuo.biodiversity.testsupport.ServiceFoundationSpec;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends ServiceFoundationSpec {
}
