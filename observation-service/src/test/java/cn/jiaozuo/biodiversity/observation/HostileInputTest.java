package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.batch;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Values that once got through intake or crashed a read: non-finite or absurd numbers, numbers in strings, the nil
 * uuid, dates and cursors beyond what PostgreSQL stores. Each is a 400 naming its field (or a rejected batch item, or
 * a rejected Camtrap DP row), never a stored row and never a 500.
 */
@QuarkusTest
class HostileInputTest {

    private static ValidatableResponse post(Object body) {
        return given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then();
    }

    private static Map<String, Object> withAccuracy(Object accuracy) {
        Map<String, Object> body = sighting(MACAQUE);
        @SuppressWarnings("unchecked")
        Map<String, Object> location = new HashMap<>((Map<String, Object>) body.get("location"));
        location.put("accuracyM", accuracy);
        return with(body, "location", location);
    }

    @Test
    void an_accuracy_of_infinity_nan_or_beyond_100_km_is_a_400_on_location_accuracy() {
        for (Object accuracy : List.of("Infinity", "NaN", "-Infinity", "12", 100_000.5, -1)) {
            post(withAccuracy(accuracy)).statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("location.accuracyM"));
        }
        post(withAccuracy(100_000)).statusCode(201);
    }

    @Test
    void infinity_from_an_overflowing_number_is_a_400() {
        String body = "{\"uuid\":\"" + UUID.randomUUID() + "\",\"speciesId\":3,\"count\":1,\"observedAt\":\""
                + OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"location\":{\"lat\":35.3,\"lon\":113.3,\"accuracyM\":1e309},\"countyCode\":\"410821\",\"method\":\"SIGHTING\"}";
        post(body).statusCode(400).body("violations[0].field", equalTo("location.accuracyM"))
                .body("violations[0].message", containsString("finite"));
    }

    @Test
    void a_count_must_be_a_whole_json_number_up_to_a_million() {
        post(with(sighting(MACAQUE), "count", 1.5)).statusCode(400).body("violations[0].field", equalTo("count"));
        post(with(sighting(MACAQUE), "count", "12")).statusCode(400).body("violations[0].field", equalTo("count"));
        post(with(sighting(MACAQUE), "count", 1_000_001)).statusCode(400).body("violations[0].field", equalTo("count"));
        post(with(sighting(MACAQUE), "count", 1_000_000)).statusCode(201);
    }

    @Test
    void the_nil_uuid_is_not_an_idempotency_key() {
        post(with(sighting(MACAQUE), "uuid", "00000000-0000-0000-0000-000000000000")).statusCode(400)
                .body("violations[0].field", equalTo("uuid"));
    }

    @Test
    void a_batch_rejects_the_hostile_item_by_its_path_and_stores_the_others() {
        JsonPath result = given().header("Authorization", TestTokens.bearer(Roles.STATION)).contentType(ContentType.JSON)
                .body(batch(List.of(sighting(MACAQUE), withAccuracy("Infinity"), with(sighting(MACAQUE), "count", 2.5),
                        with(sighting(MACAQUE), "uuid", "00000000-0000-0000-0000-000000000000"))))
                .when().post("/observations/batch").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("CREATED", "REJECTED", "REJECTED", "REJECTED"),
                result.getList("results.status"));
        org.junit.jupiter.api.Assertions.assertEquals("items[1].location.accuracyM", result.getString("results[1].violations[0].field"));
        org.junit.jupiter.api.Assertions.assertEquals("items[2].count", result.getString("results[2].violations[0].field"));
        org.junit.jupiter.api.Assertions.assertEquals("items[3].uuid", result.getString("results[3].violations[0].field"));
    }

    @Test
    void a_duplicate_key_in_a_sighting_is_a_400() {
        String body = "{\"speciesId\":3,\"count\":1,\"count\":500,\"observedAt\":\"2025-05-14T06:12:00+08:00\","
                + "\"location\":{\"lat\":35.3,\"lon\":113.3},\"countyCode\":\"410821\",\"method\":\"SIGHTING\"}";
        post(body).statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("count"));
    }

    @Test
    void dates_beyond_the_supported_years_are_a_400_on_every_read() {
        for (String path : List.of("/observations", "/observations.geojson", "/observations.csv")) {
            for (String from : List.of("+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "1899-12-31T23:00:00Z")) {
                given().queryParam("from", from).when().get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("violations[0].field", equalTo("from"));
                given().queryParam("to", from).when().get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("violations[0].field", equalTo("to"));
            }
        }
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("from", "+294277-01-01T00:00:00Z")
                .when().get("/exports/dwca").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void a_cursor_carrying_an_extreme_instant_is_a_400_on_cursor() {
        for (String instant : List.of("+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "+1000000000-01-01T00:00:00Z")) {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((instant + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            for (String path : List.of("/observations", "/observations.geojson", "/observations.csv")) {
                given().queryParam("cursor", cursor).when().get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("violations[0].field", equalTo("cursor"));
            }
        }
    }

    @Test
    void a_camtrap_deployment_with_an_infinite_uncertainty_is_rejected_by_row() throws IOException {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        String deployment = "CT-I-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] zip = CamtrapDpImportTest.samplePackage(deployment, 35.35, 113.35, at);
        byte[] infinite = replaceInZip(zip, "deployments.csv", ",15,", ",Infinity,");
        JsonPath report = given().header("Authorization", TestTokens.bearer(Roles.STATION, "station-" + UUID.randomUUID()))
                .contentType("application/zip").queryParam("countyCode", "410821").body(infinite)
                .when().post("/imports/camtrap-dp").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(0, report.getInt("created"));
        org.junit.jupiter.api.Assertions.assertEquals("deployments.csv", report.getString("errors[0].file"));
        org.junit.jupiter.api.Assertions.assertTrue(report.getString("errors[0].message").contains("finite"),
                report.getString("errors[0].message"));

        byte[] wide = replaceInZip(zip, "deployments.csv", ",15,", ",250000,");
        JsonPath wideReport = given().header("Authorization", TestTokens.bearer(Roles.STATION, "station-" + UUID.randomUUID()))
                .contentType("application/zip").queryParam("countyCode", "410821").body(wide)
                .when().post("/imports/camtrap-dp").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(0, wideReport.getInt("created"));
        org.junit.jupiter.api.Assertions.assertTrue(wideReport.getList("errors.message").stream()
                .anyMatch(m -> String.valueOf(m).contains("coordinateUncertainty")), wideReport.prettify());
    }

    /** The same package with one file's text changed. */
    private static byte[] replaceInZip(byte[] zip, String file, String from, String to) throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                files.put(name, name.equals(file) ? text.replace(from, to) : text);
            }
        }
        return CamtrapDpImportTest.zip(files);
    }
}
