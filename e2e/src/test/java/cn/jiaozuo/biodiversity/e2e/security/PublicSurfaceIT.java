package cn.jiaozuo.biodiversity.e2e.security;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.SERVICES;

import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the packaged services answer on their public port without a token: health and the OpenAPI document (probes and
 * client generators need them), but no metrics (they live on the management port) and no Swagger UI.
 */
class PublicSurfaceIT {

    @Test
    void metrics_and_swagger_ui_are_not_on_the_public_port() {
        for (String service : SERVICES) {
            for (String path : List.of("/q/metrics", "/q/swagger-ui/", "/q/swagger-ui/index.html")) {
                RestAssured.given().baseUri(service).get(path).then().statusCode(404).contentType("application/problem+json");
            }
        }
    }

    @Test
    void health_and_the_api_description_stay_public() {
        for (String service : SERVICES) {
            for (String path : List.of("/q/health/live", "/q/health/ready", "/q/openapi")) {
                RestAssured.given().baseUri(service).get(path).then().statusCode(200);
            }
        }
    }
}
