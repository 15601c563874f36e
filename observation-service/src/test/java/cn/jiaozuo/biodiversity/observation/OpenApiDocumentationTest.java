package cn.jiaozuo.biodiversity.observation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every endpoint: who may call it, what it answers, with examples. */
@QuarkusTest
class OpenApiDocumentationTest {

    private static final List<String> ENDPOINTS = List.of("post /observations", "post /observations/batch",
            "get /observations", "get /observations/{uuid}", "patch /observations/{uuid}/review", "get /species",
            "get /species/{id}", "post /species", "put /species/{id}", "get /observations.geojson", "get /observations.csv",
            "get /exports/dwca", "post /imports/camtrap-dp", "get /indicators");

    @Test
    void every_endpoint_names_its_callers_and_documents_its_errors() {
        JsonPath api = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String endpoint : ENDPOINTS) {
            String[] parts = endpoint.split(" ");
            Map<String, Object> operation = api.getMap("paths.'" + parts[1] + "'." + parts[0]);
            assertTrue(operation != null, endpoint + " is documented");
            assertTrue(String.valueOf(operation.get("description")).contains("Callers:"), endpoint + " says who may call it");
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), endpoint + " documents success");
            if (!parts[0].equals("get")) {
                assertTrue(responses.containsKey("400") && responses.containsKey("403"), endpoint + " documents 400 and 403");
            }
        }
    }

    @Test
    void request_bodies_carry_examples() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String example : List.of("\"Troop of four on the cliff path\"", "Ambrosia artemisiifolia", "\"VERIFIED\"",
                "FeatureCollection", "protectionRateTarget", "observationType 'blank'")) {
            assertTrue(document.contains(example), "example " + example + " is in the document");
        }
    }
}
