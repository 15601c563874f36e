package cn.jiaozuo.biodiversity.bulletin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every endpoint: who may call it, what it answers, with examples. */
@QuarkusTest
class OpenApiDocumentationTest {

    private static final List<String> ENDPOINTS = List.of("get /bulletin-scopes", "post /bulletins", "get /bulletins",
            "get /bulletins/{id}", "get /bulletins/{id}.html");

    @Test
    void every_endpoint_names_its_callers_and_documents_its_answers() {
        JsonPath api = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String endpoint : ENDPOINTS) {
            String[] parts = endpoint.split(" ");
            Map<String, Object> operation = api.getMap("paths.'" + parts[1] + "'." + parts[0]);
            assertNotNull(operation, endpoint + " is documented");
            String description = String.valueOf(operation.get("description"));
            boolean isPublic = description.startsWith("Public");
            assertTrue(isPublic || description.startsWith("Role ") || description.startsWith("Roles "),
                    endpoint + " says who may call it: " + description);
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), endpoint + " documents success");
            if (!isPublic) {
                assertTrue(responses.containsKey("401") && responses.containsKey("403"), endpoint + " documents 401 and 403");
            }
        }
    }

    @Test
    void request_and_response_schemas_carry_examples() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String example : List.of("本月首次在修武县记录到黑鹳", "Ciconia nigra", "南部黄河及滩区湿地优先区域", "chart-records",
                "公开版：少于 3 的数量不予公布")) {
            assertTrue(document.contains(example), "example " + example + " is in the document");
        }
    }
}
