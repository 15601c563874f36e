package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.LEOPARD;
import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Topic {@code observations.public}, for outside agencies: every recorded and reviewed observation as the anonymous API
 * shows it. A sensitive record is generalized, carries none of the fields that would tie it to the exact records of
 * the same upload, and goes out at its release time (every 3 s in tests, the next midnight in China in production),
 * detached from the upload, while ordinary records go out at once.
 */
@QuarkusTest
class PublicTopicTest {

    private static final long RELEASE_SLOT_MS = 3_000; // %test.biodiversity.disclosure.release-interval

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_sensitive_record_goes_out_generalized_without_linking_fields_and_detached_from_its_batch() throws Exception {
        String station = "station-ct-" + UUID.randomUUID();
        String camera = "CT-" + UUID.randomUUID();
        String bearer = TestTokens.bearer(Roles.STATION, station);
        Map<String, Object> leopard = camera(with(sighting(LEOPARD), "location", location(35.3321, 113.3604)), camera);
        Map<String, Object> macaque = camera(with(sighting(MACAQUE), "location", location(35.3321, 113.3604)), camera);
        macaque = with(macaque, "observedAt", leopard.get("observedAt"));
        Instant sent = Instant.now();
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("items", List.of(leopard, macaque)))
                .when().post("/observations/batch").then().statusCode(200);
        String leopardUuid = (String) leopard.get("uuid");
        String macaqueUuid = (String) macaque.get("uuid");
        String leopardPublic = given().header("Authorization", bearer).when().get("/observations/" + leopardUuid).then()
                .statusCode(200).extract().path("publicId");

        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            ConsumerRecord<String, String> cat = only(kafka, leopardPublic);
            ConsumerRecord<String, String> monkey = only(kafka, macaqueUuid);
            assertEquals("410821:" + LEOPARD, cat.key());
            assertEquals("ObservationRecorded", new String(cat.headers().lastHeader("eventType").value()));

            JsonNode envelope = json.readTree(cat.value());
            JsonNode data = envelope.get("data");
            assertEquals(leopardPublic, data.get("uuid").asText(), "the public id, as the API shows it");
            assertTrue(data.get("generalized").asBoolean());
            assertEquals(35.35, data.get("location").get("lat").asDouble(), 1e-9);
            assertEquals(113.35, data.get("location").get("lon").asDouble(), 1e-9);
            assertTrue(data.get("location").get("accuracyM").asDouble() >= 7000);
            assertTrue(data.get("location").get("originalDatum").isNull());
            assertEquals(OffsetDateTime.parse((String) leopard.get("observedAt")).toLocalDate().toString(),
                    data.get("observedOn").asText());
            for (String withheld : List.of("observedAt", "recordedAt", "plotCode", "method", "stationId", "notes", "observer",
                    "source", "reviewer", "reviewComment", "reviewedAt")) {
                assertTrue(data.get(withheld).isNull(), withheld + " is withheld on the public topic");
            }
            assertEquals(0, data.get("media").size());
            for (String secret : List.of(leopardUuid, station, camera, "35.3321", "113.3604")) {
                assertFalse(cat.value().contains(secret), secret + " in " + cat.value());
            }
            assertEquals(null, cat.headers().lastHeader("traceparent"), "no trace shared with the batch's other events");

            // Held back to the end of its release slot: neither its envelope nor its arrival tells when it was uploaded.
            Instant occurredAt = Instant.parse(envelope.get("occurredAt").asText());
            assertEquals(0, occurredAt.toEpochMilli() % RELEASE_SLOT_MS, "a slot boundary: " + occurredAt);
            assertTrue(occurredAt.isAfter(sent), occurredAt + " after the upload at " + sent);
            assertTrue(cat.timestamp() >= occurredAt.toEpochMilli(), "not published before its release");

            // The macaque goes out at once, as the anonymous API shows it: exact, with station and observer.
            JsonNode open = json.readTree(monkey.value()).get("data");
            JsonPath api = given().when().get("/observations/" + macaqueUuid).then().statusCode(200).extract().jsonPath();
            assertFalse(open.get("generalized").asBoolean());
            assertEquals(camera, open.get("stationId").asText());
            assertEquals(station, open.get("observer").asText());
            assertEquals(api.getString("observedAt"), open.get("observedAt").asText());
            assertEquals(api.getString("recordedAt"), open.get("recordedAt").asText());
            assertEquals(api.getDouble("location.lat"), open.get("location").get("lat").asDouble(), 1e-9);
            assertEquals(api.getString("media[0].url"), open.get("media").get(0).get("url").asText());
        }
    }

    @Test
    void a_review_of_a_sensitive_record_goes_out_without_the_reviewer_or_the_comment() throws Exception {
        String ranger = TestTokens.bearer(Roles.RANGER, "ranger-" + UUID.randomUUID());
        Map<String, Object> leopard = sighting(LEOPARD);
        String publicId = given().header("Authorization", ranger).contentType(ContentType.JSON).body(leopard)
                .when().post("/observations").then().statusCode(201).extract().path("publicId");
        given().header("Authorization", TestTokens.bearer(Roles.REVIEWER, "reviewer-li")).contentType(ContentType.JSON)
                .body(Map.of("status", "VERIFIED", "comment", "pug marks by the water tank")).when()
                .patch("/observations/" + leopard.get("uuid") + "/review").then().statusCode(200);

        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> reviewed = kafka.awaitExactly(Topics.OBSERVATIONS_PUBLIC,
                    r -> r.value().contains(publicId) && r.value().contains("ObservationReviewed"), 1,
                    Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertEquals(1, reviewed.size());
            JsonNode data = json.readTree(reviewed.get(0).value()).get("data");
            assertEquals("VERIFIED", data.get("status").asText());
            assertTrue(data.get("reviewer").isNull());
            assertTrue(data.get("reviewComment").isNull());
            assertTrue(data.get("reviewedAt").isNull());
            assertFalse(reviewed.get(0).value().contains("reviewer-li") || reviewed.get(0).value().contains("water tank"));
        }
    }

    private static Map<String, Object> camera(Map<String, Object> body, String camera) {
        return with(with(with(with(body, "stationId", camera), "method", "CAMERA_TRAP"), "notes", "camera " + camera), "media",
                List.of(Map.of("url", "https://media.jiaozuo-biodiversity.cn/" + camera + "/0001.jpg")));
    }

    /** The one record on the public topic that names {@code id}. */
    private static ConsumerRecord<String, String> only(KafkaTestClient kafka, String id) {
        List<ConsumerRecord<String, String>> records = kafka.awaitExactly(Topics.OBSERVATIONS_PUBLIC,
                r -> r.value().contains(id), 1, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(1, records.size(), "one public event for " + id);
        return records.get(0);
    }
}
