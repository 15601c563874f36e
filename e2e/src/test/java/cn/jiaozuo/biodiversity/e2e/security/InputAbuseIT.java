package cn.jiaozuo.biodiversity.e2e.security;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.ALERTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.PLOTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.e2e.E2eStack;
import cn.jiaozuo.biodiversity.e2e.Sightings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Input that used to get through: numbers that break the public exports for everyone, loose JSON, instants no
 * database can hold, NUL characters, and a zip that inflates to half a gigabyte. Each is refused with a 400 naming the
 * field (or skipped without work), and nothing stops the exports. The generic sweep over every endpoint is
 * {@code faults/BadInputSweepIT}; this class replays the attacks as an outsider reported them.
 */
class InputAbuseIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_infinite_accuracy_is_refused_and_the_exports_keep_answering() throws IOException {
        for (Object accuracy : List.of("Infinity", "NaN", "1e309")) {
            Map<String, Object> body = new LinkedHashMap<>(Sightings.sighting("Macaca mulatta", "410821"));
            body.put("location", Map.of("lat", 35.3, "lon", 113.3, "accuracyM", accuracy));
            as("ranger", OBSERVATIONS).body(JSON.writeValueAsString(body)).post("/observations").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("location.accuracyM"));
        }
        RestAssured.given().baseUri(OBSERVATIONS).get("/observations.csv").then().statusCode(200);
        as("bureau", OBSERVATIONS).accept("application/zip").get("/exports/dwca").then().statusCode(200);
    }

    @Test
    void loose_json_is_refused_with_the_field_named() throws IOException {
        String valid = JSON.writeValueAsString(Sightings.sighting("Macaca mulatta", "410821"));
        List<List<String>> attacks = List.of( // field named in the answer, body
                List.of("count", valid.replaceFirst("\"count\":\\d+", "\"count\":1,\"count\":500")),
                List.of("count", valid.replaceFirst("\"count\":\\d+", "\"count\":1.5")),
                List.of("count", valid.replaceFirst("\"count\":\\d+", "\"count\":\"12\"")),
                List.of("uuid", valid.replaceFirst("\"uuid\":\"[^\"]+\"", "\"uuid\":\"00000000-0000-0000-0000-000000000000\"")),
                List.of("body", valid + "{\"and\":\"more\"}"));
        for (List<String> attack : attacks) {
            as("ranger", OBSERVATIONS).body(attack.get(1)).post("/observations").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem(attack.get(0)));
        }
    }

    @Test
    void instants_outside_any_calendar_and_nul_characters_are_client_errors() {
        for (String instant : List.of("+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z")) {
            RestAssured.given().baseUri(OBSERVATIONS).queryParam("from", instant).get("/observations").then().statusCode(400)
                    .body("violations.field", hasItem("from"));
            as("bureau", ALERTS).queryParam("from", instant).get("/alerts").then().statusCode(400)
                    .body("violations.field", hasItem("from"));
        }
        as("admin", PLOTS).queryParam("silentFor", "P999999999999D").get("/stations").then().statusCode(400)
                .body("violations.field", hasItem("silentFor"));
        RestAssured.given().baseUri(ALERTS).contentType("application/json")
                .header("Authorization", "Bearer " + E2eStack.token("bureau", "nul-e2e"))
                .body("{\"name\":\"x\\u0000\",\"organization\":\"e2e\",\"webhook\":{\"url\":\"http://127.0.0.1:9/h\","
                        + "\"secret\":\"0123456789abcdef0\"}}")
                .post("/subscriptions").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_camtrap_dp_zip_with_a_huge_junk_entry_is_not_inflated() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write("{\"profile\":\"https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0/camtrap-dp-profile.json\",\"resources\":[]}"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("junk.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 500; i++) { // 500 MB of zeros, about 0.5 MB compressed
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        int status = RestAssured.given().baseUri(OBSERVATIONS).contentType("application/zip")
                .header("Authorization", "Bearer " + E2eStack.token("station", "zip-bomb-e2e")).body(bytes.toByteArray())
                .post("/imports/camtrap-dp").then().contentType("application/problem+json").extract().statusCode();
        // Not a 413 for unpacking too much: the junk entry is skipped unread, and the package lacks its CSVs.
        assertEquals(400, status);
    }
}
