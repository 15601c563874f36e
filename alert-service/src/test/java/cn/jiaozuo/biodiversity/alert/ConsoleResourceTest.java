package cn.jiaozuo.biodiversity.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The console page and its settings are served by alert-service, without a token. */
@QuarkusTest
class ConsoleResourceTest {

    @Test
    void the_page_and_its_modules_are_served_without_a_token() {
        given().when().get("/console/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("焦作市生物多样性监测")).body(containsString("app.js"));
        given().when().get("/console/app.js").then().statusCode(200).contentType(containsString("javascript"));
        given().when().get("/console/console.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void config_json_names_the_other_services_and_no_single_sign_on_locally() {
        given().when().get("/console/config.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body("observationUrl", equalTo("http://localhost:8081"))
                .body("plotUrl", equalTo("http://localhost:8082"))
                .body("alertUrl", equalTo(""))
                .body("silentAfter", equalTo("PT48H"))
                .body("notRecordedYears", equalTo(3))
                .body("oidc", nullValue());
    }

    @Test
    void console_without_the_slash_redirects_to_the_page() {
        given().redirects().follow(false).when().get("/console").then().statusCode(302)
                .header("Location", equalTo("/console/"));
    }

    @Test
    void an_unknown_console_file_is_a_404() {
        given().when().get("/console/no-such-file.js").then().statusCode(404);
    }
}
