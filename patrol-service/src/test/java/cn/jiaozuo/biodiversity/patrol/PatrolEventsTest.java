package cn.jiaozuo.biodiversity.patrol;

import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.patrol;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.post;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.ranger;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** PatrolRecorded and IncidentReported on topic patrols, through the outbox: once, in order, keyed by the patrol. */
@QuarkusTest
class PatrolEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_patrol_and_its_incidents_are_published_once_in_order() throws Exception {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        List<Object> incidents = new ArrayList<>((List<?>) body.get("incidents"));
        Map<String, Object> fire = new HashMap<>(PatrolFixtures.incident());
        fire.put("type", "FIRE");
        fire.put("actionTaken", "REPORTED_TO_POLICE");
        fire.remove("speciesId");
        fire.put("location", Map.of("lat", 35.4051, "lon", 113.3551));
        incidents.add(fire);
        body.put("incidents", incidents);
        String uuid = (String) body.get("uuid");
        post(ranger, body).statusCode(201);
        post(ranger, body).statusCode(200); // a replay publishes nothing
        String sentinel = sentinelPatrol();

        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> records = kafka.beforeSentinel(Topics.PATROLS, r -> sentinel.equals(r.key()),
                    r -> uuid.equals(r.key()), Duration.ofSeconds(20));
            assertEquals(3, records.size(), "PatrolRecorded and two IncidentReported, once each");
            assertEquals(List.of("PatrolRecorded", "IncidentReported", "IncidentReported"), records.stream()
                    .map(r -> new String(r.headers().lastHeader(Topics.HEADER_EVENT_TYPE).value())).toList());
            JsonNode recorded = JSON.readTree(records.get(0).value());
            assertEquals("patrol-service", recorded.path("source").asText());
            JsonNode patrol = recorded.path("data");
            assertEquals(uuid, patrol.path("uuid").asText());
            assertEquals("410821", patrol.path("countyCode").asText());
            assertEquals(ranger, patrol.path("recordedBy").asText());
            assertEquals(2, patrol.path("incidentCount").asInt());
            assertEquals(false, patrol.has("track"), "tracks stay in patrol-service");
            JsonNode snare = JSON.readTree(records.get(1).value()).path("data");
            assertEquals("SNARE", snare.path("type").asText());
            assertEquals(12, snare.path("speciesId").asLong());
            assertEquals(uuid, snare.path("patrolUuid").asText());
            assertEquals(35.403, snare.path("location").path("lat").asDouble(), 1e-9);
            assertEquals("WGS84", snare.path("location").path("originalDatum").asText());
            assertEquals(3, snare.path("count").asInt());
            assertEquals("https://media.example.cn/snare.jpg", snare.path("media").get(0).asText());
            JsonNode fireEvent = JSON.readTree(records.get(2).value()).path("data");
            assertEquals("FIRE", fireEvent.path("type").asText());
            assertEquals("REPORTED_TO_POLICE", fireEvent.path("actionTaken").asText());
            assertEquals(true, fireEvent.path("speciesId").isNull());
            assertEquals(113.3551, fireEvent.path("location").path("lon").asDouble(), 1e-9);
        }
    }

    @Test
    void a_refused_patrol_publishes_nothing() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        body.put("countyCode", "999999");
        String uuid = (String) body.get("uuid");
        post(ranger, body).statusCode(400);
        String sentinel = sentinelPatrol();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(0, kafka.beforeSentinel(Topics.PATROLS, r -> sentinel.equals(r.key()), r -> uuid.equals(r.key()),
                    Duration.ofSeconds(20)).size());
        }
    }

    /**
     * Records another patrol and returns its uuid, the key of its events: the outbox relay publishes in commit order, so
     * whatever the test's own requests published is on the topic before the sentinel's events.
     */
    private static String sentinelPatrol() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        post(ranger, body).statusCode(201);
        return (String) body.get("uuid");
    }
}
