package cn.jiaozuo.biodiversity.patrol;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The rangers' field app is served by observation-service (:8081 locally) and posts patrols here cross-origin with a
 * bearer token: FIELD_ORIGINS (common's microprofile-config.properties) allow it next to the console's origins.
 */
@QuarkusTest
class FieldAppCorsTest {

    @Test
    void a_preflight_from_the_field_app_may_post_a_patrol_with_a_token() {
        given().header("Origin", "http://127.0.0.1:8081").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/patrols")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:8081"))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization"))
                .header("Access-Control-Allow-Credentials", equalTo("false"));
    }

    @Test
    void the_console_origins_stay_allowed_and_another_origin_is_refused() {
        given().header("Origin", "http://localhost:18083").header("Access-Control-Request-Method", "GET")
                .when().options("/patrols")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("http://localhost:18083"));
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/patrols")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }
}
