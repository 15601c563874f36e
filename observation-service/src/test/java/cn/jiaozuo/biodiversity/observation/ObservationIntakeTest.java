package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.LEOPARD;
import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** POST /observations: what rangers and stations may record, and how replays are answered. */
@QuarkusTest
class ObservationIntakeTest {

    @Inject
    StationBindings stations;

    private static ValidatableResponse post(Object body, String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then();
    }

    private static ValidatableResponse postAsRanger(Object body) {
        return post(body, TestTokens.bearer(Roles.RANGER));
    }

    private static void assertViolation(Map<String, Object> body, String field, String messagePart) {
        postAsRanger(body).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field))
                .body("violations.find { it.field == '" + field + "' }.message", containsString(messagePart));
    }

    @Test
    void a_ranger_records_a_sighting_and_gets_201_with_the_stored_record() {
        Map<String, Object> body = sighting(MACAQUE);
        String uuid = (String) body.get("uuid");
        String subject = "ranger-" + UUID.randomUUID();

        post(body, TestTokens.bearer(Roles.RANGER, subject)).statusCode(201)
                .header("Location", endsWith("/observations/" + uuid))
                .body("uuid", equalTo(uuid))
                .body("species.id", equalTo((int) MACAQUE))
                .body("species.scientificName", equalTo("Macaca mulatta"))
                .body("species.chineseName", equalTo("猕猴"))
                .body("count", equalTo(2))
                .body("observedAt", endsWith("+08:00"))
                .body("recordedAt", notNullValue())
                .body("location.datum", equalTo("WGS84"))
                .body("countyCode", equalTo("410821"))
                .body("method", equalTo("SIGHTING"))
                .body("observer", equalTo(subject))
                .body("source", equalTo("RANGER"))
                .body("status", equalTo("UNVERIFIED"))
                .body("coordinatesObscured", equalTo(false));

        given().when().get("/observations/" + uuid).then().statusCode(200).body("uuid", equalTo(uuid));
    }

    @Test
    void a_station_upload_is_marked_as_station_source() {
        Map<String, Object> body = with(with(sighting(MACAQUE), "method", "CAMERA_TRAP"), "stationId",
                TestStations.bound(stations, "station-test"));
        post(body, TestTokens.bearer(Roles.STATION)).statusCode(201)
                .body("source", equalTo("STATION"))
                .body("stationId", equalTo(body.get("stationId")));
    }

    @Test
    void the_server_makes_a_uuid_when_the_client_sends_none() {
        postAsRanger(with(sighting(MACAQUE), "uuid", null)).statusCode(201).body("uuid", notNullValue());
    }

    @Test
    void a_species_may_be_given_by_scientific_name() {
        postAsRanger(with(with(sighting(MACAQUE), "speciesId", null), "scientificName", "panthera PARDUS japonensis"))
                .statusCode(201).body("species.id", equalTo((int) LEOPARD));
    }

    @Test
    void a_replay_with_the_same_content_by_the_same_caller_is_200_without_a_second_row() {
        Map<String, Object> body = sighting(MACAQUE);
        String subject = "ranger-" + UUID.randomUUID();
        String first = post(body, TestTokens.bearer(Roles.RANGER, subject)).statusCode(201).extract().path("recordedAt");

        post(body, TestTokens.bearer(Roles.RANGER, subject)).statusCode(200)
                .body("uuid", equalTo(body.get("uuid")))
                .body("recordedAt", equalTo(first));

        given().queryParam("observer", subject).when().get("/observations").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void the_same_uuid_with_other_content_is_409() {
        Map<String, Object> body = sighting(MACAQUE);
        postAsRanger(body).statusCode(201);
        postAsRanger(with(body, "count", 3)).statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void the_same_uuid_from_another_caller_is_409() {
        Map<String, Object> body = sighting(MACAQUE);
        post(body, TestTokens.bearer(Roles.RANGER, "ranger-" + UUID.randomUUID())).statusCode(201);
        post(body, TestTokens.bearer(Roles.RANGER, "ranger-" + UUID.randomUUID())).statusCode(409);
    }

    @Test
    void concurrent_duplicates_store_one_row_and_never_fail_with_500() throws Exception {
        Map<String, Object> body = sighting(MACAQUE);
        String bearer = TestTokens.bearer(Roles.RANGER, "ranger-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> post(body, bearer).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "exactly one creates: " + statuses);
            assertEquals(7, statuses.stream().filter(s -> s == 200).count(), "the others are replays: " + statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void count_must_be_at_least_one() {
        assertViolation(with(sighting(MACAQUE), "count", 0), "count", "greater than or equal to 1");
    }

    @Test
    void count_is_required() {
        assertViolation(with(sighting(MACAQUE), "count", null), "count", "must not be null");
    }

    @Test
    void observed_at_may_not_lie_more_than_five_minutes_ahead() {
        String inTenMinutes = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(10).toString();
        assertViolation(with(sighting(MACAQUE), "observedAt", inTenMinutes), "observedAt", "future");
    }

    @Test
    void observed_at_needs_an_offset() {
        postAsRanger(with(sighting(MACAQUE), "observedAt", "2025-05-14T06:12:00")).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("observedAt"));
    }

    @Test
    void a_point_outside_jiaozuo_is_refused_on_location() {
        assertViolation(with(sighting(MACAQUE), "location", location(39.9042, 116.4074)), "location", "must lie in Jiaozuo");
    }

    @Test
    void swapped_latitude_and_longitude_are_caught() {
        assertViolation(with(sighting(MACAQUE), "location", location(113.36, 35.33)), "location", "swapped");
    }

    @Test
    void a_latitude_beyond_90_degrees_is_refused() {
        assertViolation(with(sighting(MACAQUE), "location", location(135.0, 35.0)), "location.lat", "90");
    }

    @Test
    void location_is_required() {
        assertViolation(with(sighting(MACAQUE), "location", null), "location", "must not be null");
    }

    @Test
    void an_unknown_datum_is_refused() {
        Map<String, Object> location = location(35.3, 113.3);
        location.put("datum", "BD09");
        postAsRanger(with(sighting(MACAQUE), "location", location)).statusCode(400)
                .body("violations.field", hasItem("location.datum"));
    }

    @Test
    void a_county_code_outside_jiaozuo_is_refused() {
        assertViolation(with(sighting(MACAQUE), "countyCode", "410101"), "countyCode", "Jiaozuo");
    }

    @Test
    void county_code_is_required_outside_sampling_plots() {
        assertViolation(with(sighting(MACAQUE), "countyCode", null), "countyCode", "sampling plot");
    }

    @Test
    void an_unknown_species_id_is_refused() {
        assertViolation(with(sighting(MACAQUE), "speciesId", 987654), "speciesId", "not in the species catalog");
    }

    @Test
    void an_unknown_scientific_name_is_refused() {
        assertViolation(with(with(sighting(MACAQUE), "speciesId", null), "scientificName", "Felis imaginaria"),
                "scientificName", "not in the species catalog");
    }

    @Test
    void a_species_is_required() {
        assertViolation(with(sighting(MACAQUE), "speciesId", null), "speciesId", "speciesId or scientificName");
    }

    @Test
    void scientific_name_and_species_id_must_agree() {
        assertViolation(with(sighting(MACAQUE), "scientificName", "Canis lupus"), "scientificName", "another species");
    }

    @Test
    void an_unknown_method_is_refused() {
        postAsRanger(with(sighting(MACAQUE), "method", "TELEPATHY")).statusCode(400)
                .body("violations.field", hasItem("method"))
                .body("violations[0].message", containsString("SIGHTING"));
    }

    @Test
    void method_is_required() {
        assertViolation(with(sighting(MACAQUE), "method", null), "method", "must not be null");
    }

    @Test
    void a_media_hash_must_be_sha256_hex() {
        assertViolation(with(sighting(MACAQUE), "media", List.of(Map.of("url", "https://media.example/1.jpg", "sha256", "abc"))),
                "media[0].sha256", "64 hexadecimal");
    }

    @Test
    void a_media_url_must_be_http() {
        assertViolation(with(sighting(MACAQUE), "media", List.of(Map.of("url", "file:///etc/passwd"))), "media[0].url", "http");
    }

    @Test
    void notes_are_limited_to_2000_characters() {
        assertViolation(with(sighting(MACAQUE), "notes", "x".repeat(2001)), "notes", "2000");
    }

    @Test
    void observed_at_may_not_lie_before_1900() {
        // Beyond the years every service accepts (docs/errors.md), refused while reading, before the intake rules.
        assertViolation(with(sighting(MACAQUE), "observedAt", "+20000-01-01T00:00:00+08:00"), "observedAt", "2199");
        assertViolation(with(sighting(MACAQUE), "observedAt", "1899-12-31T00:00:00+08:00"), "observedAt", "1900");
        assertViolation(with(sighting(MACAQUE), "observedAt", "-5000-01-01T00:00:00+08:00"), "observedAt", "1900");
    }

    @Test
    void text_with_a_nul_character_is_refused_on_its_field() {
        assertViolation(with(sighting(MACAQUE), "notes", "before\u0000after"), "notes", "NUL");
        assertViolation(with(sighting(MACAQUE), "stationId", "CT\u0000"), "stationId", "NUL");
    }

    @Test
    void the_longest_allowed_media_list_is_stored() {
        List<Map<String, String>> media = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            media.add(Map.of("url", "https://media.example/" + "m".repeat(470) + i, "sha256", "a".repeat(64)));
        }
        postAsRanger(with(sighting(MACAQUE), "media", media)).statusCode(201).body("media.size()", equalTo(20));
        media.add(Map.of("url", "https://media.example/21"));
        assertViolation(with(sighting(MACAQUE), "media", media), "media", "20");
    }

    @Test
    void a_malformed_uuid_is_a_400_naming_the_field() {
        postAsRanger(with(sighting(MACAQUE), "uuid", "not-a-uuid")).statusCode(400).body("violations.field", hasItem("uuid"));
    }

    @Test
    void malformed_json_is_a_400_problem() {
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body("{\"count\": ")
                .when().post("/observations").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void media_are_stored_with_the_record() {
        String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        Map<String, Object> body = with(sighting(MACAQUE), "media", List.of(Map.of("url", "https://media.example/a.jpg", "sha256", hash)));
        postAsRanger(body).statusCode(201);
        given().when().get("/observations/" + body.get("uuid")).then().statusCode(200)
                .body("media[0].url", equalTo("https://media.example/a.jpg"))
                .body("media[0].sha256", equalTo(hash));
    }

    @Test
    void without_a_token_recording_is_401() {
        given().contentType(ContentType.JSON).body(sighting(MACAQUE)).when().post("/observations").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_token_from_an_untrusted_issuer_key_is_401() {
        post(sighting(MACAQUE), "Bearer " + TestTokens.foreignToken(Roles.RANGER)).statusCode(401);
    }

    @Test
    void reviewers_bureau_staff_and_admins_may_not_record() {
        for (String role : List.of(Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN)) {
            post(sighting(MACAQUE), TestTokens.bearer(role)).statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void an_unknown_observation_is_404_and_a_bad_uuid_400() {
        given().when().get("/observations/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/observations/nope").then().statusCode(400).body("violations.field", hasItem("uuid"));
        given().when().get("/observations/" + UUID.randomUUID()).then().body("detail", not(containsString("Exception")));
    }
}
