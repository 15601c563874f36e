package cn.jiaozuo.biodiversity.bulletin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Silent stations (docs/bulletins.md, "Silent stations") from stations and observations as the other services publish
 * them, counted by hand. Only this class registers stations before 2026, so the scope's stations are its own.
 */
@QuarkusTest
class SilentStationsTest {

    private static final String WEN = "410825";
    private static final String XIUWU = "410821";

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    /**
     * On a plot in 温县, month M and the month P before it: A uploads in M and in P; B uploads only in P; C uploads
     * nothing; D uploads in M a record that is later rejected (it still sent it); E is first seen after M (not yet
     * registered). On a plot in 修武县: F uploads nothing (outside the scope). Silent in M: B, C; in P: C, D.
     */
    @Test
    void stations_that_sent_nothing_in_the_period_are_counted_and_named() {
        LocalDate m = TestEvents.month();
        LocalDate p = m.minusMonths(1);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String plot = "410825-ST" + marker;
        String otherPlot = "410821-ST" + marker;
        String a = "A-" + marker, b = "B-" + marker, c = "C-" + marker, d = "D-" + marker, e = "E-" + marker, f = "F-" + marker;
        SpeciesSnapshot boar = TestEvents.species(TestEvents.speciesId(), "Sus scrofa " + marker, "野猪" + marker, "NONE", false, false);
        try (TestEvents events = new TestEvents(json, em)) {
            events.plot(plot, WEN);
            events.plot(otherPlot, XIUWU);
            for (String id : List.of(a, b, c, d)) {
                events.station(id, plot, TestEvents.at(p.minusMonths(2)));
            }
            events.station(a, plot, TestEvents.at(m.plusDays(3))); // a later change keeps the first sighting
            events.station(e, plot, TestEvents.at(m.plusMonths(1).plusDays(1)));
            events.station(f, otherPlot, TestEvents.at(p.minusMonths(2)));
            events.stationObservation(a, plot, boar, WEN, m.plusDays(4), "VERIFIED");
            events.stationObservation(a, plot, boar, WEN, p.plusDays(4), "VERIFIED");
            events.stationObservation(b, plot, boar, WEN, p.plusDays(9), "UNVERIFIED");
            events.stationObservation(d, plot, boar, WEN, m.plusDays(6), "REJECTED");
            events.awaitApplied();
        }
        JsonPath bulletin = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(Map.of("from", m.toString(), "scope", WEN)).when().post("/bulletins").then().statusCode(201)
                .extract().jsonPath();
        assertEquals(4, bulletin.getInt("figures.stations.registered"), "A–D; not E (first seen after M), not F (修武县)");
        assertEquals(Map.of("current", 2, "previous", 2, "change", 0), bulletin.getMap("figures.stations.silent"));
        assertEquals(List.of(b, c), bulletin.getList("figures.stations.silentIds"));
        List<String> highlights = bulletin.getList("figures.highlights");
        assertTrue(highlights.contains("本月有 2 个监测站点（共 4 个）未上传数据"), highlights.toString());
        String html = given().header("Authorization", TestTokens.bearer("reviewer"))
                .when().get("/bulletins/" + bulletin.getString("id") + ".html").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<td>未上传数据的站点（个）</td><td>2</td>"), "the station table");
    }
}
