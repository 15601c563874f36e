package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.freshCorner;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.retire;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.square;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every plot change reaches topic {@code plots} exactly once through the outbox, keyed by plot code, as
 * a {@code PlotUpserted} or {@code PlotRetired} envelope whose data is the shared {@link PlotSnapshot}.
 */
@QuarkusTest
class PlotEventsTest {

    @Inject
    ObjectMapper json;

    private static String type(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader(Topics.HEADER_EVENT_TYPE).value(), StandardCharsets.UTF_8);
    }

    /** The plot's events of this type, as many as there are: counted before a plot created afterwards (the sentinel). */
    private static List<ConsumerRecord<String, String>> published(KafkaTestClient kafka, String code, String type) {
        return kafka.beforeSentinel(Topics.PLOTS, sentinel(), r -> code.equals(r.key()) && type.equals(type(r)),
                Duration.ofSeconds(20));
    }

    /** Creates a plot and matches its event: one relay publishes in commit order, so it follows what came before. */
    private static Predicate<ConsumerRecord<String, String>> sentinel() {
        String sentinel = createPlot("410823");
        return r -> sentinel.equals(r.key());
    }

    @Test
    void a_created_plot_is_published_once_with_its_geometry() throws Exception {
        double[] c = freshCorner();
        Map<String, Object> body = plotBody("410883", square(c[0], c[1], 0.001));
        body.put("protectedAreaId", "yellow-river-wetland-nnr");
        String code = createPlot(body);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> records = published(kafka, code, EventTypes.PLOT_UPSERTED);
            assertEquals(1, records.size());
            JsonNode envelope = json.readTree(records.get(0).value());
            assertEquals("PlotUpserted", envelope.get("type").asText());
            assertEquals("sampling-plot-service", envelope.get("source").asText());
            assertEquals(envelope.get("eventId").asText(),
                    new String(records.get(0).headers().lastHeader(Topics.HEADER_EVENT_ID).value(), StandardCharsets.UTF_8));
            PlotSnapshot data = json.treeToValue(envelope.get("data"), PlotSnapshot.class);
            assertEquals(code, data.code());
            assertEquals("410883", data.countyCode());
            assertEquals("YELLOW_RIVER", data.priorityArea());
            assertEquals("ACTIVE", data.status());
            assertEquals("yellow-river-wetland-nnr", data.protectedAreaId());
            assertEquals("Polygon", data.geometry().get("type").asText());
            assertEquals(c[0] + 0.001, data.geometry().get("coordinates").get(0).get(1).get(0).asDouble(), 1e-9);
        }
    }

    @Test
    void a_change_publishes_a_second_upsert_and_retirement_a_retired_event_once() throws Exception {
        String code = createPlot("410823");
        Map<String, Object> changed = plotBody("410823");
        changed.put("name", "嘉应观湿地样地（调整）");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json").body(changed)
                .when().put("/plots/" + code).then().statusCode(200);
        retire(code);
        retire(code);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(2, published(kafka, code, EventTypes.PLOT_UPSERTED).size());
            List<ConsumerRecord<String, String>> retired = published(kafka, code, EventTypes.PLOT_RETIRED);
            assertEquals(1, retired.size(), "retiring twice publishes one PlotRetired");
            PlotSnapshot data = json.treeToValue(json.readTree(retired.get(0).value()).get("data"), PlotSnapshot.class);
            assertEquals("RETIRED", data.status());
            assertEquals("嘉应观湿地样地（调整）", data.name());
            // Order per key is kept: the retirement comes after both upserts on the partition.
            List<ConsumerRecord<String, String>> all = kafka.await(Topics.PLOTS, r -> code.equals(r.key()), 3, Duration.ofSeconds(20));
            assertEquals(List.of("PlotUpserted", "PlotUpserted", "PlotRetired"), all.stream().map(PlotEventsTest::type).toList());
        }
    }

    @Test
    void a_rejected_plot_publishes_nothing() {
        Map<String, Object> body = plotBody("410823", square(116.4, 39.9, 0.001));
        String name = (String) body.get("name");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json").body(body)
                .when().post("/plots").then().statusCode(400);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(0, kafka.beforeSentinel(Topics.PLOTS, sentinel(), r -> r.value().contains(name), Duration.ofSeconds(20))
                    .size());
        }
    }
}
