package cn.jiaozuo.biodiversity.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Installs {@link OpenApiContractFilter} for every {@code @QuarkusTest} of every module that has test-support on its
 * test classpath (registered in META-INF/services): runs in the test's class loader, so the RestAssured it
 * configures is the one the test uses.
 */
public class OpenApiContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(OpenApiContractFilter.INSTANCE)) {
            RestAssured.filters(OpenApiContractFilter.INSTANCE);
        }
    }
}
