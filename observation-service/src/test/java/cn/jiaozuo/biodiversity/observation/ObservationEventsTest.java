package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.LEOPARD;
import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.postSentinel;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Topic `observations`: one ObservationRecorded per stored observation, with the exact point and a species snapshot. */
@QuarkusTest
class ObservationEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_recorded_observation_is_published_once_even_when_replayed() throws Exception {
        String observer = "ranger-" + UUID.randomUUID();
        Map<String, Object> body = with(sighting(LEOPARD), "location", location(35.3321, 113.3604));
        String uuid = (String) body.get("uuid");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", TestTokens.bearer(Roles.RANGER, observer)).contentType(ContentType.JSON).body(body)
                    .when().post("/observations").then().statusCode(i == 0 ? 201 : 200);
        }

        String sentinel = postSentinel();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            var records = kafka.beforeSentinel(Topics.OBSERVATIONS, r -> r.value().contains(sentinel),
                    r -> r.value().contains(uuid), Duration.ofSeconds(20));
            assertEquals(1, records.size(), "exactly one event for the observation");
            var record = records.get(0);
            assertEquals("410821:" + LEOPARD, record.key());
            assertEquals("ObservationRecorded", new String(record.headers().lastHeader("eventType").value()));

            JsonNode envelope = json.readTree(record.value());
            assertNotNull(envelope.get("eventId"));
            assertEquals(new String(record.headers().lastHeader("eventId").value()), envelope.get("eventId").asText());
            assertEquals("ObservationRecorded", envelope.get("type").asText());
            assertEquals("observation-service", envelope.get("source").asText());
            JsonNode data = envelope.get("data");
            assertEquals(uuid, data.get("uuid").asText());
            assertEquals(observer, data.get("observer").asText());
            assertEquals("UNVERIFIED", data.get("status").asText());
            // Internal topic: the exact point, even for a sensitive species.
            assertEquals(35.3321, data.get("location").get("lat").asDouble(), 1e-9);
            assertEquals(113.3604, data.get("location").get("lon").asDouble(), 1e-9);
            JsonNode species = data.get("species");
            assertEquals(LEOPARD, species.get("id").asLong());
            assertEquals("Panthera pardus japonensis", species.get("scientificName").asText());
            assertEquals("华北豹", species.get("chineseName").asText());
            assertEquals("MAMMAL", species.get("group").asText());
            assertEquals("NATIONAL_I", species.get("protectionLevel").asText());
            assertEquals(false, species.get("invasive").asBoolean());
            assertEquals(true, species.get("sensitive").asBoolean());
        }
    }

    @Test
    void a_rejected_observation_publishes_nothing() {
        Map<String, Object> body = with(sighting(LEOPARD), "count", 0);
        String uuid = (String) body.get("uuid");
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(400);
        String sentinel = postSentinel();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(0, kafka.beforeSentinel(Topics.OBSERVATIONS, r -> r.value().contains(sentinel),
                    r -> r.value().contains(uuid), Duration.ofSeconds(20)).size());
        }
    }
}
