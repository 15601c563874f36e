package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.retire;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.today;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.SurveySnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every recorded survey visit reaches topic {@code surveys} exactly once through the outbox, keyed by survey id, as a
 * {@code SurveyRecorded} envelope whose data is the shared {@link SurveySnapshot} (no team, no notes); a rejected
 * visit publishes nothing; visits recorded before visits were published (or by the previous release) are published
 * once by the backlog step.
 */
@QuarkusTest
class SurveyEventsTest {

    private static final String RANGER = TestTokens.bearer(Roles.RANGER, "ranger-zhao");

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, Object> visit(LocalDate visitedOn, String notes) {
        Map<String, Object> body = new HashMap<>();
        body.put("visitedOn", visitedOn.toString());
        body.put("team", "武陟县湿地监测组");
        body.put("method", "POINT_COUNT");
        body.put("effortHours", 4.25);
        body.put("notes", notes);
        return body;
    }

    private static String record(String plotCode, LocalDate visitedOn, String notes) {
        return given().header("Authorization", RANGER).contentType("application/json").body(visit(visitedOn, notes))
                .when().post("/plots/" + plotCode + "/surveys").then().statusCode(201).extract().path("id");
    }

    /** Records a visit on a fresh plot and matches its event: one relay publishes in commit order. */
    private static Predicate<ConsumerRecord<String, String>> sentinel() {
        String id = record(createPlot("410823"), today(), null);
        return r -> id.equals(r.key());
    }

    private static String type(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader(Topics.HEADER_EVENT_TYPE).value(), StandardCharsets.UTF_8);
    }

    @Test
    void a_recorded_visit_is_published_once_keyed_by_its_id_without_team_or_notes() throws Exception {
        String plot = createPlot("410883");
        String notes = "东方白鹳 " + UUID.randomUUID();
        String id = record(plot, today().minusDays(3), notes);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> records = kafka.beforeSentinel(Topics.SURVEYS, sentinel(),
                    r -> id.equals(r.key()) || r.value().contains(notes), Duration.ofSeconds(20));
            assertEquals(1, records.size());
            ConsumerRecord<String, String> record = records.get(0);
            assertEquals(id, record.key());
            assertEquals(EventTypes.SURVEY_RECORDED, type(record));
            JsonNode envelope = json.readTree(record.value());
            assertEquals("SurveyRecorded", envelope.get("type").asText());
            assertEquals("sampling-plot-service", envelope.get("source").asText());
            SurveySnapshot data = json.treeToValue(envelope.get("data"), SurveySnapshot.class);
            assertEquals(id, data.id());
            assertEquals(plot, data.plotCode());
            assertEquals("410883", data.countyCode());
            assertEquals("YELLOW_RIVER", data.priorityArea());
            assertEquals(today().minusDays(3), data.visitedOn());
            assertEquals("POINT_COUNT", data.method());
            assertEquals(0, new BigDecimal("4.25").compareTo(data.effortHours()));
            assertTrue(data.recordedAt().isAfter(Instant.now().minus(Duration.ofMinutes(5))));
            assertFalse(envelope.get("data").has("team"));
            assertFalse(envelope.get("data").has("notes"));
            assertFalse(record.value().contains("武陟县湿地监测组"), "the team's name stays in the registry");
        }
    }

    @Test
    void a_rejected_visit_publishes_nothing() {
        // Plot codes count per county in each test database while the broker outlives them: only this test's records.
        long since = System.currentTimeMillis();
        String retired = createPlot("410883");
        retire(retired);
        given().header("Authorization", RANGER).contentType("application/json").body(visit(today(), null))
                .when().post("/plots/" + retired + "/surveys").then().statusCode(409);
        String active = createPlot("410883");
        given().header("Authorization", RANGER).contentType("application/json").body(visit(today().plusDays(3), null))
                .when().post("/plots/" + active + "/surveys").then().statusCode(400);
        Map<String, Object> invalid = visit(today(), null);
        invalid.put("effortHours", -2);
        given().header("Authorization", RANGER).contentType("application/json").body(invalid)
                .when().post("/plots/" + active + "/surveys").then().statusCode(400);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(0, kafka.beforeSentinel(Topics.SURVEYS, sentinel(),
                    r -> r.timestamp() >= since && (r.value().contains('"' + retired + '"') || r.value().contains('"' + active + '"')),
                    Duration.ofSeconds(20)).size());
        }
    }

    @Test
    void a_visit_recorded_before_visits_were_published_is_published_once() throws Exception {
        String plot = createPlot("410823");
        UUID id = UUID.randomUUID();
        Instant createdAt = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.MICROS);
        // As V5 leaves the visits of the previous release (and as a pod of that release still writes them): unpublished.
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into survey (id, plot_code, visited_on, team, method, effort_hours, notes, recorded_by, created_at)"
                        + " values (?, ?, ?, '老调查组', 'QUADRAT', 6.00, '旧记录', 'ranger-old', ?)")) {
            insert.setObject(1, id);
            insert.setString(2, plot);
            insert.setObject(3, today().minusDays(2));
            insert.setObject(4, java.sql.Timestamp.from(createdAt));
            insert.executeUpdate();
        }
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> first = kafka.await(Topics.SURVEYS, r -> id.toString().equals(r.key()), 1,
                    Duration.ofSeconds(30));
            assertEquals(1, first.size(), "the backlog step publishes the old visit");
            SurveySnapshot data = json.treeToValue(json.readTree(first.get(0).value()).get("data"), SurveySnapshot.class);
            assertEquals(plot, data.plotCode());
            assertEquals("410823", data.countyCode());
            assertEquals("QUADRAT", data.method());
            assertEquals(createdAt, data.recordedAt());
            assertEquals(today().minusDays(2), data.visitedOn());
            // Its row is marked, and further checks (every second in tests) publish it no more.
            assertTrue(published(id));
            List<ConsumerRecord<String, String>> all = kafka.beforeSentinel(Topics.SURVEYS, sentinel(),
                    r -> id.toString().equals(r.key()), Duration.ofSeconds(20));
            assertEquals(1, all.size());
        }
    }

    @Test
    void the_county_without_a_priority_area_publishes_null() throws Exception {
        String plot = createPlot("410802");
        String id = record(plot, today(), null);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> records = kafka.await(Topics.SURVEYS, r -> id.equals(r.key()), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, records.size());
            assertNull(json.treeToValue(json.readTree(records.get(0).value()).get("data"), SurveySnapshot.class).priorityArea());
        }
    }

    private boolean published(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select published from survey where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBoolean(1);
            }
        }
    }
}
