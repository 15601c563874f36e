package cn.jiaozuo.biodiversity.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The console page on :8083 calls the services cross-origin with a bearer token; CORS is configured once in
 * common's microprofile-config.properties, so this holds for every service.
 */
@QuarkusTest
class CorsPreflightTest {

    @Test
    void a_preflight_from_the_console_origin_may_send_authorization() {
        given().header("Origin", "http://127.0.0.1:8083").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/alerts/" + java.util.UUID.randomUUID() + "/acknowledge")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:8083"))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Content-Type"))
                .header("Access-Control-Allow-Credentials", equalTo("false"));
    }

    @Test
    void an_actual_request_from_an_e2e_console_origin_is_allowed() {
        given().header("Origin", "http://localhost:38083").header("Authorization", TestTokens.bearer(Roles.BUREAU))
                .when().get("/rules").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:38083"));
    }

    @Test
    void another_origin_gets_no_permission() {
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/alerts")
                .then().statusCode(403) // Quarkus' CORS filter refuses the preflight itself ("CORS Rejected - Invalid origin")
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
