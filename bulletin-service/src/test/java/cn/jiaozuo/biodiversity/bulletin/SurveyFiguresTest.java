package cn.jiaozuo.biodiversity.bulletin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Survey visits and overdue plots (docs/bulletins.md, "Survey visits and overdue plots") from plots and surveys as
 * sampling-plot-service publishes them, counted by hand. Only this class puts plots into 孟州市 (other tests' plots
 * start in 2020 elsewhere), and it counts March 2025 there, so the scope's plots are its own.
 */
@QuarkusTest
class SurveyFiguresTest {

    private static final String MENGZHOU = "410883";
    private static final String QINYANG = "410882";
    private static final LocalDate MARCH = LocalDate.of(2025, 3, 1);

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    /**
     * In 孟州市, interval 30 (P1, P2) or 31 days (P3, P4), period 2025-03-01 to 03-31 (last day 03-31), previous February
     * (last day 02-28):
     * <ul>
     * <li>P1, established 2024: visited 03-01 (2.5 h) and 03-15 (1.5 h) — 30 days before 03-31: due, not overdue;
     * at 02-28 never visited since 2024: overdue then. Also visited 04-02, after the period: not counted.</li>
     * <li>P2, established 2024: visited 02-28 (3.0 h) — 31 days before 03-31: overdue; at 02-28 just visited. Its
     * visit of 04-01 is after the period and does not rescue it.</li>
     * <li>P3 never visited, established 02-28, interval 31: 31 days — not overdue.</li>
     * <li>P4 never visited, established 02-27, interval 31: 32 days — overdue.</li>
     * <li>P5 retired (PlotRetired), established 2020, never visited: not counted.</li>
     * </ul>
     * In 沁阳市 (outside the scope): P6 never visited since 2020, visited once in March. Visits in March: 2 (4.0 h, 1
     * plot), February: 1 (3.0 h, 1 plot); overdue at 03-31: P2, P4; at 02-28: P1. The first March visit is delivered
     * twice (the same event) and published again under a new event id (the same survey): it counts once.
     */
    @Test
    void visits_and_overdue_plots_are_counted_by_hand_in_both_editions() throws IOException {
        String m = UUID.randomUUID().toString().substring(0, 6);
        String p1 = MENGZHOU + "-SV" + m + "-1", p2 = MENGZHOU + "-SV" + m + "-2", p3 = MENGZHOU + "-SV" + m + "-3";
        String p4 = MENGZHOU + "-SV" + m + "-4", p5 = MENGZHOU + "-SV" + m + "-5", p6 = QINYANG + "-SV" + m + "-6";
        String first = "SV-" + m + "-a";
        try (TestEvents events = new TestEvents(json, em)) {
            events.plot(p1, MENGZHOU, LocalDate.of(2024, 1, 1), 30, false);
            events.plot(p2, MENGZHOU, LocalDate.of(2024, 1, 1), 30, false);
            events.plot(p3, MENGZHOU, LocalDate.of(2025, 2, 28), 31, false);
            events.plot(p4, MENGZHOU, LocalDate.of(2025, 2, 27), 31, false);
            events.plot(p5, MENGZHOU, LocalDate.of(2020, 1, 1), 30, false);
            events.plot(p5, MENGZHOU, LocalDate.of(2020, 1, 1), 30, true);
            events.plot(p6, QINYANG, LocalDate.of(2020, 1, 1), 30, false);
            events.survey(first, p1, MENGZHOU, LocalDate.of(2025, 3, 1), "2.5");
            events.redeliverLast();
            events.survey(first, p1, MENGZHOU, LocalDate.of(2025, 3, 1), "2.5"); // same key: applied after the redelivery
            events.survey("SV-" + m + "-b", p1, MENGZHOU, LocalDate.of(2025, 3, 15), "1.5");
            events.survey("SV-" + m + "-c", p1, MENGZHOU, LocalDate.of(2025, 4, 2), "1.0");
            events.survey("SV-" + m + "-d", p2, MENGZHOU, LocalDate.of(2025, 2, 28), "3.0");
            events.survey("SV-" + m + "-e", p2, MENGZHOU, LocalDate.of(2025, 4, 1), "1.0");
            events.survey("SV-" + m + "-f", p6, QINYANG, LocalDate.of(2025, 3, 10), "2.0");
            events.awaitApplied();
        }
        JsonPath internal = generate("INTERNAL", false);
        assertEquals(Map.of("current", 2, "previous", 1, "change", 1), internal.getMap("figures.surveys.visits"));
        assertEquals(4.0, internal.getDouble("figures.surveys.effortHours.current"), "2.5 (once) + 1.5");
        assertEquals(3.0, internal.getDouble("figures.surveys.effortHours.previous"));
        assertEquals(Map.of("current", 1, "previous", 1, "change", 0), internal.getMap("figures.surveys.plotsVisited"));
        assertEquals(Map.of("current", 2, "previous", 1, "change", 1), internal.getMap("figures.surveys.overduePlots"));
        assertEquals(List.of(p2, p4), internal.getList("figures.surveys.overduePlotCodes"));
        assertEquals(0, internal.getInt("figures.surveys.unjudgedPlots"));
        List<String> highlights = internal.getList("figures.highlights");
        assertTrue(highlights.contains("本月完成样地调查 2 次；2 个样地逾期未调查"), highlights.toString());

        String id = internal.getString("id");
        String html = given().header("Authorization", TestTokens.bearer("reviewer")).when().get("/bulletins/" + id + ".html")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("<td>样地调查（次）</td><td>2</td><td>1</td>"), "the survey table");
        assertTrue(html.contains("逾期未调查样地：" + p2 + "、" + p4), "the overdue codes");
        byte[] pdf = given().header("Authorization", TestTokens.bearer("reviewer")).when().get("/bulletins/" + id + ".pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "");
            for (String expected : List.of("样地调查", "期末逾期未调查样地（个）", "国家重点保护物种记录率", p4)) {
                assertTrue(text.contains(expected), "PDF text has " + expected + ":\n" + text);
            }
        }

        JsonPath again = generate("INTERNAL", true);
        assertEquals(2, again.getInt("version"));
        assertEquals(internal.getString("contentHash"), again.getString("contentHash"), "same data, same hash");

        JsonPath published = generate("PUBLIC", false);
        assertEquals(2, published.getInt("figures.surveys.overduePlots.current"));
        assertNull(published.get("figures.surveys.overduePlotCodes"), "no plot codes in the public edition");
        assertEquals(internal.getMap("figures.surveys.visits"), published.getMap("figures.surveys.visits"));
        assertTrue(published.getList("figures.notes").contains("公开版：逾期未调查样地仅公布数量，不公布编号"));
        String publicHtml = given().header("Authorization", TestTokens.bearer("bureau"))
                .when().get("/bulletins/" + published.getString("id") + ".html").then().statusCode(200).extract().asString();
        assertTrue(publicHtml.contains("<td>期末逾期未调查样地（个）</td><td>2</td>"), "the count");
        assertFalse(publicHtml.contains(p2) || publicHtml.contains(p4), "no plot code in the public page");
    }

    @Test
    void a_survey_that_can_never_be_applied_goes_to_the_dlq() {
        String key = "SV-poison-" + UUID.randomUUID();
        String unknownCounty = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + EventTypes.SURVEY_RECORDED
                + "\",\"occurredAt\":\"2025-03-01T00:00:00Z\",\"source\":\"test\",\"data\":{\"id\":\"" + key
                + "\",\"plotCode\":\"X-1\",\"countyCode\":\"999999\",\"visitedOn\":\"2025-03-01\",\"effortHours\":1.0}}";
        String noDay = "SV-poison-" + UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.SURVEYS, key, unknownCounty);
            kafka.send(Topics.SURVEYS, noDay, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + EventTypes.SURVEY_RECORDED
                    + "\",\"occurredAt\":\"2025-03-01T00:00:00Z\",\"source\":\"test\",\"data\":{\"id\":\"" + noDay
                    + "\",\"plotCode\":\"X-1\",\"countyCode\":\"410883\",\"effortHours\":-1}}");
            assertEquals(1, kafka.await(Topics.SURVEYS_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(60)).size(),
                    "a survey in an unknown county");
            assertEquals(1, kafka.await(Topics.SURVEYS_DLQ, r -> noDay.equals(r.key()), 1, Duration.ofSeconds(60)).size(),
                    "a survey without its day");
        }
    }

    private static JsonPath generate(String edition, boolean regenerate) {
        return given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(Map.of("from", MARCH.toString(), "scope", MENGZHOU, "edition", edition, "regenerate", regenerate))
                .when().post("/bulletins").then().statusCode(201).extract().jsonPath();
    }
}
