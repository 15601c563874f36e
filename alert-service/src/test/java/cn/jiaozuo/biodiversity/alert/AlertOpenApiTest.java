package cn.jiaozuo.biodiversity.alert;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every endpoint is documented: a summary, a description saying who may call it, and its responses. */
@QuarkusTest
class AlertOpenApiTest {

    @Test
    void every_operation_has_a_summary_a_caller_description_and_error_responses() {
        JsonPath api = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        for (String path : List.of("/alerts", "/alerts/{id}", "/alerts/{id}/acknowledge", "/alerts/{id}/resolve",
                "/alerts/stream", "/rules", "/rules/{id}", "/subscriptions", "/subscriptions/{id}",
                "/subscriptions/{id}/deliveries", "/control-cases", "/control-cases/{id}", "/control-cases/summary",
                "/control-cases/{id}/actions", "/control-cases/{id}/follow-ups")) {
            assertNotNull(paths.get(path), path + " is documented");
        }
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String where = method.toUpperCase() + " " + path;
            assertNotNull(operation.get("summary"), where + " has a summary");
            String description = String.valueOf(operation.get("description"));
            assertTrue(description.matches("(?s).*(Role|Roles|Staff only|Public).*"), where + " says who may call it");
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            // Public operations (the console's config.json) have no token to refuse, and say so with security: [].
            boolean isPublic = description.startsWith("Public") && List.of().equals(operation.get("security"));
            assertTrue(isPublic || responses.containsKey("401") && responses.containsKey("403"), where + " documents 401/403");
            assertFalse(responses.isEmpty());
        }));
    }
}
