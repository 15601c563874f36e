package cn.jiaozuo.biodiversity.bulletin;

import cn.jiaozuo.biodiversity.testsupport.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a fresh PostgreSQL database and the in-JVM Kafka broker. */
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "bulletins"))
public class TestInfrastructure {
}
