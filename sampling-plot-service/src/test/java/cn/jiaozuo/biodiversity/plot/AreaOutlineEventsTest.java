package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.freshSquare;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.outlineBody;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.put;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.withdraw;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.square;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.AreaSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every outline change reaches the compacted topic {@code geography} exactly once through the outbox, keyed
 * {@code kind:id}, as an {@code AreaOutlined} envelope whose data is the shared {@link AreaSnapshot}; a replayed
 * outline, a second withdrawal and a rejected outline publish nothing.
 */
@QuarkusTest
class AreaOutlineEventsTest {

    private static final String WEN = "/counties/410825/outline";

    @Inject
    ObjectMapper json;

    /** The records of this key carrying this source, as many as are on the topic before a later outline (the sentinel). */
    private static List<ConsumerRecord<String, String>> published(KafkaTestClient kafka, String key, String source) {
        return kafka.beforeSentinel(Topics.GEOGRAPHY, sentinel(),
                r -> key.equals(r.key()) && r.value().contains(source), Duration.ofSeconds(20));
    }

    /** Outlines a protected area and matches its event: one relay publishes in commit order, so it follows what came before. */
    private static Predicate<ConsumerRecord<String, String>> sentinel() {
        Map<String, Object> body = outlineBody(freshSquare());
        put("/protected-areas/wenxian-wetland-park/outline", body).statusCode(200);
        String source = (String) body.get("source");
        return r -> r.value().contains(source);
    }

    private AreaSnapshot data(ConsumerRecord<String, String> record) throws Exception {
        return json.treeToValue(json.readTree(record.value()).get("data"), AreaSnapshot.class);
    }

    @Test
    void an_outline_is_published_once_even_when_it_is_sent_twice() throws Exception {
        Map<String, Object> body = outlineBody(freshSquare());
        String source = (String) body.get("source");
        JsonPath stored = put(WEN, body).statusCode(200).extract().jsonPath();
        put(WEN, body).statusCode(200);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> records = published(kafka, "COUNTY:410825", source);
            assertEquals(1, records.size(), "the replayed outline publishes nothing");
            ConsumerRecord<String, String> record = records.get(0);
            JsonNode envelope = json.readTree(record.value());
            assertEquals(EventTypes.AREA_OUTLINED, envelope.get("type").asText());
            assertEquals("sampling-plot-service", envelope.get("source").asText());
            assertEquals(EventTypes.AREA_OUTLINED,
                    new String(record.headers().lastHeader(Topics.HEADER_EVENT_TYPE).value(), StandardCharsets.UTF_8));
            AreaSnapshot data = data(record);
            assertEquals(AreaSnapshot.COUNTY, data.kind());
            assertEquals("410825", data.id());
            assertEquals("温县", data.name());
            assertEquals("410825", data.countyCode());
            assertEquals(source, data.source());
            assertTrue(data.active());
            assertEquals(Instant.parse(stored.getString("properties.updatedAt")), data.updatedAt());
            assertEquals("Polygon", data.geometry().get("type").asText());
            assertEquals(stored.getDouble("geometry.coordinates[0][2][0]"),
                    data.geometry().get("coordinates").get(0).get(2).get(0).asDouble(), 1e-12);
        }
    }

    @Test
    void a_withdrawal_is_published_once_with_no_geometry() throws Exception {
        String path = "/protected-areas/yellow-river-wetland-nnr/outline";
        Map<String, Object> body = outlineBody(freshSquare());
        String source = (String) body.get("source");
        Instant outlinedAt = Instant.parse(put(path, body).statusCode(200).extract().path("properties.updatedAt"));
        withdraw(path);
        withdraw(path);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> records = published(kafka, "PROTECTED_AREA:yellow-river-wetland-nnr", source);
            assertEquals(2, records.size(), "the outline and one withdrawal");
            AreaSnapshot outlined = data(records.get(0));
            assertTrue(outlined.active());
            assertEquals("410883", outlined.countyCode());
            AreaSnapshot withdrawn = data(records.get(1));
            assertFalse(withdrawn.active());
            assertTrue(json.readTree(records.get(1).value()).get("data").get("geometry").isNull(), "geometry: null");
            assertEquals("410883", withdrawn.countyCode());
            assertTrue(withdrawn.updatedAt().isAfter(outlinedAt), "a reader keeping the newest per key ends withdrawn");
        }
    }

    @Test
    void a_rejected_outline_publishes_nothing() {
        Map<String, Object> body = outlineBody(square(116.40, 39.90, 0.01));
        String source = (String) body.get("source");
        put(WEN, body).statusCode(400);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(0, kafka.beforeSentinel(Topics.GEOGRAPHY, sentinel(), r -> r.value().contains(source),
                    Duration.ofSeconds(20)).size());
        }
    }
}
