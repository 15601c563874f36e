package cn.jiaozuo.biodiversity.bulletin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The control-case figures (docs/bulletins.md, "Control cases") from control-cases events as alert-service publishes
 * them, counted by hand. Only this class sends control cases, so the scope's totals are its own.
 */
@QuarkusTest
class ControlCaseFiguresTest {

    private static final String XIUWU = "410821";
    private static final String WEN = "410825";

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    /**
     * In 修武县, month M and the month P before it:
     * <ul>
     * <li>W1 美国白蛾 opened M+2, UNDER_CONTROL, 1.5 ha, an action M+3 treating 1.0 ha (delivered twice);</li>
     * <li>W2 美国白蛾 opened M+5, CONTROLLED, 2.0 ha, an action M+6 treating 2.0 ha;</li>
     * <li>W3 美国白蛾 opened M+8, DETECTED, 0.5 ha, no action;</li>
     * <li>W4 美国白蛾 opened P+3, ERADICATED on M+10, 3.0 ha, an action P+4 treating 3.0 ha;</li>
     * <li>F1 豚草 opened P+5, CLOSED by hand on M+12, 4.0 ha;</li>
     * <li>F2 豚草 opened P+1, DETECTED then UNDER_CONTROL, 1.0 ha; an older ControlCaseUpdated (9.0 ha) arrives last
     * and changes nothing.</li>
     * </ul>
     * Outside: a 美国白蛾 case in 温县 in M, and one in 修武县 opened the month after M.
     */
    private record Fixture(LocalDate month, String webworm, String ragweed) {
    }

    private Fixture publish() {
        LocalDate m = TestEvents.month();
        LocalDate p = m.minusMonths(1);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        SpeciesSnapshot webworm = TestEvents.species(TestEvents.speciesId(), "Hyphantria cunea " + marker, "美国白蛾" + marker, "NONE", true, false);
        SpeciesSnapshot ragweed = TestEvents.species(TestEvents.speciesId(), "Ambrosia artemisiifolia " + marker, "豚草" + marker, "NONE", true, false);
        try (TestEvents events = new TestEvents(json, em)) {
            UUID w1 = UUID.randomUUID();
            UUID w2 = UUID.randomUUID();
            UUID w3 = UUID.randomUUID();
            UUID w4 = UUID.randomUUID();
            UUID f1 = UUID.randomUUID();
            UUID f2 = UUID.randomUUID();
            opened(events, w1, webworm, XIUWU, 1.5, m.plusDays(2));
            events.controlCase(EventTypes.CONTROL_CASE_STATUS_CHANGED, w1, webworm, XIUWU, "UNDER_CONTROL", 1.5, at(m.plusDays(2)), null, at(m.plusDays(3)));
            UUID action = UUID.randomUUID();
            events.controlAction(action, w1, webworm, XIUWU, m.plusDays(3), 1.0);
            events.controlAction(action, w1, webworm, XIUWU, m.plusDays(3), 1.0); // redelivered: counted once
            opened(events, w2, webworm, XIUWU, 2.0, m.plusDays(5));
            events.controlAction(UUID.randomUUID(), w2, webworm, XIUWU, m.plusDays(6), 2.0);
            events.controlCase(EventTypes.CONTROL_CASE_STATUS_CHANGED, w2, webworm, XIUWU, "CONTROLLED", 2.0, at(m.plusDays(5)), null, at(m.plusDays(7)));
            opened(events, w3, webworm, XIUWU, 0.5, m.plusDays(8));
            opened(events, w4, webworm, XIUWU, 3.0, p.plusDays(3));
            events.controlAction(UUID.randomUUID(), w4, webworm, XIUWU, p.plusDays(4), 3.0);
            events.controlCase(EventTypes.CONTROL_CASE_STATUS_CHANGED, w4, webworm, XIUWU, "ERADICATED", 3.0, at(p.plusDays(3)), m.plusDays(10), at(m.plusDays(10)));
            opened(events, f1, ragweed, XIUWU, 4.0, p.plusDays(5));
            events.controlCase(EventTypes.CONTROL_CASE_STATUS_CHANGED, f1, ragweed, XIUWU, "CLOSED", 4.0, at(p.plusDays(5)), null, at(m.plusDays(12)));
            opened(events, f2, ragweed, XIUWU, 1.0, p.plusDays(1));
            events.controlCase(EventTypes.CONTROL_CASE_STATUS_CHANGED, f2, ragweed, XIUWU, "UNDER_CONTROL", 1.0, at(p.plusDays(1)), null, at(p.plusDays(20)));
            events.controlCase(EventTypes.CONTROL_CASE_UPDATED, f2, ragweed, XIUWU, "DETECTED", 9.0, at(p.plusDays(1)), null, at(p.plusDays(2)));
            opened(events, UUID.randomUUID(), webworm, WEN, 7.0, m.plusDays(2));
            opened(events, UUID.randomUUID(), webworm, XIUWU, 7.0, m.plusMonths(1).plusDays(2));
            events.awaitApplied();
        }
        return new Fixture(m, webworm.chineseName(), ragweed.chineseName());
    }

    private static void opened(TestEvents events, UUID id, SpeciesSnapshot species, String county, double areaHa, LocalDate day) {
        events.controlCase(EventTypes.CONTROL_CASE_OPENED, id, species, county, "DETECTED", areaHa, at(day), null, at(day));
    }

    private static Instant at(LocalDate day) {
        return TestEvents.at(day);
    }

    private static JsonPath generate(LocalDate month, String edition) {
        return given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(Map.of("from", month.toString(), "scope", XIUWU, "edition", edition))
                .when().post("/bulletins").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void the_bulletin_counts_open_new_and_eradicated_cases_and_the_area_infested_and_treated() {
        Fixture f = publish();
        JsonPath bulletin = generate(f.month(), "INTERNAL");
        assertEquals(Map.of("current", 4, "previous", 3, "change", 1), bulletin.getMap("figures.control.openCases"),
                "open at M's end: W1, W2, W3, F2; at P's end: W4 (eradicated in M), F1 (closed in M), F2");
        assertEquals(Map.of("current", 3, "previous", 3, "change", 0), bulletin.getMap("figures.control.newCases"),
                "W1–W3 in M; W4, F1, F2 in P; not 温县's, not next month's");
        assertEquals(Map.of("current", 1, "previous", 0, "change", 1), bulletin.getMap("figures.control.eradicated"));
        assertEquals(5.0, bulletin.getDouble("figures.control.infestedHa.current"), "1.5 + 2.0 + 0.5 + 1.0 (F2's older 9.0 lost)");
        assertEquals(8.0, bulletin.getDouble("figures.control.infestedHa.previous"), "3.0 + 4.0 + 1.0");
        assertEquals(3.0, bulletin.getDouble("figures.control.treatedHa.current"), "1.0 (once) + 2.0");
        assertEquals(3.0, bulletin.getDouble("figures.control.treatedHa.previous"));

        String webworm = "figures.control.species.find { it.chineseName == '" + f.webworm() + "' }";
        assertEquals(3, bulletin.getInt(webworm + ".openCases"));
        assertEquals(3, bulletin.getInt(webworm + ".newCases"));
        assertEquals(2, bulletin.getInt(webworm + ".newCasesTreated"), "W1 and W2 had an action; W3 none");
        assertEquals(1, bulletin.getInt(webworm + ".eradicated"));
        assertEquals(4.0, bulletin.getDouble(webworm + ".infestedHa"));
        assertEquals(3.0, bulletin.getDouble(webworm + ".treatedHa"));
        String ragweed = "figures.control.species.find { it.chineseName == '" + f.ragweed() + "' }";
        assertEquals(1, bulletin.getInt(ragweed + ".openCases"));
        assertEquals(0, bulletin.getInt(ragweed + ".newCases"));
        assertEquals(1.0, bulletin.getDouble(ragweed + ".infestedHa"));
        assertEquals(2, bulletin.getList("figures.control.species").size());

        List<String> highlights = bulletin.getList("figures.highlights");
        assertTrue(highlights.contains(f.webworm() + "本月新增 3 处疫点，已处置 2 处"), highlights.toString());
        assertTrue(highlights.contains("本月拔除疫点 1 处，期末尚有未结疫点 4 处"), highlights.toString());
        assertTrue(highlights.stream().noneMatch(h -> h.startsWith(f.ragweed() + "本月新增")), "no new 豚草 case, no sentence");

        String html = given().header("Authorization", TestTokens.bearer("reviewer"))
                .when().get("/bulletins/" + bulletin.getString("id") + ".html").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<td>期末未结疫点（处）</td><td>4</td>"), "the control table");
        assertTrue(html.contains(f.webworm() + "本月新增 3 处疫点，已处置 2 处"));

        JsonPath published = generate(f.month(), "PUBLIC");
        assertEquals(bulletin.getMap("figures.control"), published.getMap("figures.control"), "the public edition counts the same");
    }

    @Test
    void a_control_case_that_can_never_be_applied_goes_to_the_dlq() {
        String key = UUID.randomUUID().toString();
        String unknownCounty = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + EventTypes.CONTROL_CASE_OPENED
                + "\",\"occurredAt\":\"2026-10-01T00:00:00Z\",\"source\":\"test\",\"data\":{\"id\":\"" + key
                + "\",\"status\":\"DETECTED\",\"speciesId\":1,\"scientificName\":\"Hyphantria cunea\",\"countyCode\":\"999999\","
                + "\"areaHa\":1.0,\"openedAt\":\"2026-10-01T00:00:00Z\",\"updatedAt\":\"2026-10-01T00:00:00Z\"}}";
        String noId = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.CONTROL_CASES, key, unknownCounty);
            kafka.send(Topics.CONTROL_CASES, noId, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\""
                    + EventTypes.CONTROL_ACTION_RECORDED + "\",\"occurredAt\":\"2026-10-01T00:00:00Z\",\"source\":\"test\","
                    + "\"data\":{\"caseId\":\"" + noId + "\",\"countyCode\":\"410821\",\"treatedAreaHa\":1.0}}");
            assertEquals(1, kafka.await(Topics.CONTROL_CASES_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(60)).size(),
                    "a case in an unknown county");
            assertEquals(1, kafka.await(Topics.CONTROL_CASES_DLQ, r -> noId.equals(r.key()), 1, Duration.ofSeconds(60)).size(),
                    "an action without id or performedOn");
        }
    }
}
