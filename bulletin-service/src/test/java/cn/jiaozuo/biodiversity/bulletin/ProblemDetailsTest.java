package cn.jiaozuo.biodiversity.bulletin;

import cn.jiaozuo.biodiversity.testsupport.ProblemDetailsSpec;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProblemDetailsTest extends ProblemDetailsSpec {
}
