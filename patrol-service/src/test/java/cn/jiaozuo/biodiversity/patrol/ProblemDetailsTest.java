package cn.jiaozuo.biodiversity.patrol;

import cn.jiaozuo.biodiversity.testsupport.ProblemDetailsSpec;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProblemDetailsTest extends ProblemDetailsSpec {
}
