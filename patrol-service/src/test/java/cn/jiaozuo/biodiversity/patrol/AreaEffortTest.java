package cn.jiaozuo.biodiversity.patrol;

import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.post;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.randomMonthEnd;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.ranger;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;

/**
 * Effort by area: the read model of plots and outlines (plots and geography topics: newer wins, withdrawn stops
 * counting, poison to the DLQ), the patrol's areas split from its kept track (checked against GeographicLib), incidents
 * placed in protected areas (view and topic), and the effort report by plot, protected area and county.
 */
@QuarkusTest
class AreaEffortTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QINYANG = "410882";
    /** One fix a minute along a meridian, 0.0005° (about 55 m) apart: 3.3 km/h on foot. */
    private static final double STEP = 0.0005;

    @Inject
    EntityManager em;

    /** A place of its own for each test, in Jiaozuo's south-west, away from the other tests' walks near 35.40, 113.35. */
    private record Place(double lat, double lon) {
        static Place random() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            return new Place(34.95 + r.nextDouble(0.3), 112.6 + r.nextDouble(0.5));
        }

        /** A box across the meridian walk, from lat + south to lat + north. */
        String band(double south, double north) {
            return TestAreas.box(lat + south, lat + north, lon - 0.01, lon + 0.01);
        }

        /** Geodesic metres along the walk between two offsets north of the start, by GeographicLib (Karney). */
        double metres(double south, double north) {
            return Geodesic.WGS84.Inverse(lat + south, lon, lat + north, lon).s12;
        }
    }

    /** A 100-minute walk north along the place's meridian (0.05°), with incidents at the given offsets north. */
    private static Map<String, Object> walk(Place at, OffsetDateTime start, double... incidentsAt) {
        List<List<Double>> coordinates = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            coordinates.add(List.of(at.lon(), at.lat() + i * STEP));
            times.add(start.plusMinutes(i).toString());
        }
        List<Map<String, Object>> incidents = new ArrayList<>();
        for (double north : incidentsAt) {
            Map<String, Object> incident = new HashMap<>();
            incident.put("type", "SNARE");
            incident.put("location", Map.of("lat", at.lat() + north, "lon", at.lon()));
            incident.put("observedAt", start.plusMinutes((long) (north / STEP)).toString());
            incidents.add(incident);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("uuid", UUID.randomUUID().toString());
        body.put("mandate", "ROUTINE");
        body.put("transport", "FOOT");
        body.put("countyCode", "410821");
        body.put("team", List.of("ranger-area-" + UUID.randomUUID()));
        body.put("startedAt", start.toString());
        body.put("endedAt", start.plusMinutes(100).toString());
        body.put("track", Map.of("type", "LineString", "coordinates", coordinates, "times", times));
        body.put("incidents", incidents);
        return body;
    }

    private static JsonPath patrol(String uuid) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU, "bureau-" + UUID.randomUUID()))
                .when().get("/patrols/" + uuid).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> list(String filter, String value) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam(filter, value).when()
                .get("/patrols").then().statusCode(200).extract().jsonPath().getList("items.uuid");
    }

    private static JsonPath effort(OffsetDateTime start, String groupBy) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU, "bureau-" + UUID.randomUUID()))
                .queryParam("from", start.minusHours(1).toString()).queryParam("to", start.plusDays(1).toString())
                .queryParam("groupBy", groupBy).when().get("/patrol-effort").then().statusCode(200).extract().jsonPath();
    }

    private void awaitApplied(String consumer, UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> TestAreas.applied(em, consumer, eventId));
    }

    @Test
    void a_track_crossing_a_protected_area_and_a_plot_is_split_by_both() throws Exception {
        Place at = Place.random();
        String reserve = "pa-" + UUID.randomUUID();
        String plot = QINYANG + "-T" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        awaitApplied(TestAreas.GEOGRAPHY_CONSUMER,
                TestAreas.outline("PROTECTED_AREA", reserve, "测试保护区", null, at.band(0.01, 0.02), true, now));
        awaitApplied(TestAreas.PLOTS_CONSUMER, TestAreas.plot(plot, QINYANG, at.band(0.03, 0.045), false, now));
        try {
            OffsetDateTime start = randomMonthEnd();
            String ranger = ranger();
            Map<String, Object> body = walk(at, start, 0.015, 0.005);
            String uuid = (String) body.get("uuid");
            JsonPath view = post(ranger, body).statusCode(201).extract().jsonPath();

            assertEquals(List.of("PLOT", "PROTECTED_AREA"), view.getList("areas.kind"));
            assertEquals(List.of(plot, reserve), view.getList("areas.id"));
            assertEquals("测试保护区", view.getString("areas[1].name"));
            // Inside the plot 0.015° of the walk (30 minutes), inside the reserve 0.01° (20 minutes).
            assertEquals(at.metres(0.03, 0.045) / 1000, view.getDouble("areas[0].distanceKm"), 0.0015);
            assertEquals(at.metres(0.01, 0.02) / 1000, view.getDouble("areas[1].distanceKm"), 0.0015);
            assertEquals(0.5, view.getDouble("areas[0].durationHours"), 0.001);
            assertEquals(20 / 60.0, view.getDouble("areas[1].durationHours"), 0.001);
            assertEquals(reserve, view.getString("incidents[0].protectedAreaId"));
            assertEquals(null, view.getString("incidents[1].protectedAreaId"));

            try (KafkaTestClient kafka = KafkaTestClient.create()) {
                List<JsonNode> reported = new ArrayList<>();
                for (var record : kafka.await(Topics.PATROLS, r -> uuid.equals(r.key())
                        && "IncidentReported".equals(new String(r.headers().lastHeader(Topics.HEADER_EVENT_TYPE).value())), 2,
                        Duration.ofSeconds(30))) {
                    reported.add(JSON.readTree(record.value()).path("data"));
                }
                assertEquals(2, reported.size());
                assertEquals(reserve, reported.get(0).path("protectedAreaId").asText());
                assertTrue(reported.get(1).path("protectedAreaId").isNull());
            }

            JsonPath byReserve = effort(start, "protectedArea");
            assertEquals(List.of(reserve), byReserve.getList("groups.key"));
            assertEquals(1, byReserve.getInt("groups[0].patrols"));
            assertEquals(view.getDouble("areas[1].distanceKm"), byReserve.getDouble("groups[0].distanceKm"), 1e-9);
            assertEquals(0.333, byReserve.getDouble("groups[0].hours"), 0.001);
            assertEquals(1, byReserve.getInt("groups[0].incidentsByType.SNARE"), "the snare inside the reserve");
            assertEquals(2, byReserve.getInt("total.incidentsByType.SNARE"));
            assertEquals(view.getDouble("effort.distanceKm"), byReserve.getDouble("total.distanceKm"), 1e-9);
            JsonPath byPlot = effort(start, "plot");
            assertEquals(List.of(plot), byPlot.getList("groups.key"));
            assertEquals(view.getDouble("areas[0].distanceKm"), byPlot.getDouble("groups[0].distanceKm"), 1e-9);
            assertEquals(0.5, byPlot.getDouble("groups[0].hours"), 0.001);
            assertEquals(0, byPlot.getInt("groups[0].incidentsByType.SNARE"));

            // The listing finds the patrol by the plot and the protected area its track entered, and only by those.
            assertEquals(List.of(uuid), list("plotCode", plot));
            assertEquals(List.of(uuid), list("protectedAreaId", reserve));
            assertEquals(List.of(), list("plotCode", QINYANG + "-T" + UUID.randomUUID().toString().substring(0, 8)));
            assertEquals(List.of(), list("protectedAreaId", "pa-" + UUID.randomUUID()));
        } finally {
            TestAreas.outline("PROTECTED_AREA", reserve, "测试保护区", null, null, false, Instant.now());
            TestAreas.plot(plot, QINYANG, at.band(0.03, 0.045), true, Instant.now());
        }
    }

    @Test
    void stored_patrols_follow_the_newest_outline_and_a_withdrawn_one_stops_counting() {
        Place at = Place.random();
        OffsetDateTime start = randomMonthEnd();
        Map<String, Object> body = walk(at, start, 0.015);
        String uuid = (String) body.get("uuid");
        post(ranger(), body).statusCode(201);
        assertEquals(List.of(), patrol(uuid).getList("areas"));

        String reserve = "pa-" + UUID.randomUUID();
        Instant t1 = Instant.now();
        TestAreas.outline("PROTECTED_AREA", reserve, "测试保护区", null, at.band(0.01, 0.02), true, t1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> patrol(uuid).getList("areas.id").equals(List.of(reserve)));
        JsonPath split = patrol(uuid);
        assertEquals(at.metres(0.01, 0.02) / 1000, split.getDouble("areas[0].distanceKm"), 0.0015);
        assertEquals(reserve, split.getString("incidents[0].protectedAreaId"), "placed when the outline arrived");

        // An older state arrives late: it changes nothing.
        awaitApplied(TestAreas.GEOGRAPHY_CONSUMER,
                TestAreas.outline("PROTECTED_AREA", reserve, "旧边界", null, at.band(0.0, 0.04), true, t1.minusSeconds(3600)));
        JsonPath unchanged = patrol(uuid);
        assertEquals(split.getDouble("areas[0].distanceKm"), unchanged.getDouble("areas[0].distanceKm"), 1e-9);
        assertEquals("测试保护区", unchanged.getString("areas[0].name"));

        // A newer outline re-splits the stored patrol.
        awaitApplied(TestAreas.GEOGRAPHY_CONSUMER,
                TestAreas.outline("PROTECTED_AREA", reserve, "新边界", null, at.band(0.02, 0.04), true, t1.plusSeconds(60)));
        JsonPath moved = patrol(uuid);
        assertEquals(at.metres(0.02, 0.04) / 1000, moved.getDouble("areas[0].distanceKm"), 0.0015);
        assertEquals(2 * 20 / 60.0, moved.getDouble("areas[0].durationHours"), 0.001);
        assertEquals("新边界", moved.getString("areas[0].name"));
        assertEquals(null, moved.getString("incidents[0].protectedAreaId"), "the snare is outside the new outline");
        assertEquals(List.of(reserve), effort(start, "protectedArea").getList("groups.key"));

        // Withdrawn: the split goes, the report no longer has the area.
        awaitApplied(TestAreas.GEOGRAPHY_CONSUMER,
                TestAreas.outline("PROTECTED_AREA", reserve, "新边界", null, null, false, t1.plusSeconds(120)));
        assertEquals(List.of(), patrol(uuid).getList("areas"));
        assertEquals(List.of(), effort(start, "protectedArea").getList("groups"));
        assertEquals(1, effort(start, "protectedArea").getInt("total.patrols"));
    }

    @Test
    void by_county_the_outlined_part_goes_to_its_county_and_the_rest_to_the_declared_one() {
        Place at = Place.random();
        Instant now = Instant.now();
        awaitApplied(TestAreas.GEOGRAPHY_CONSUMER,
                TestAreas.outline("COUNTY", QINYANG, "沁阳市", QINYANG, at.band(0.01, 0.02), true, now));
        try {
            OffsetDateTime start = randomMonthEnd();
            Map<String, Object> body = walk(at, start, 0.015, 0.03);
            JsonPath view = post(ranger(), body).statusCode(201).extract().jsonPath();
            double total = view.getDouble("effort.distanceKm");
            double inside = view.getDouble("areas[0].distanceKm");
            assertEquals("COUNTY", view.getString("areas[0].kind"));

            JsonPath byCounty = effort(start, "county");
            assertEquals(List.of("410821", QINYANG), byCounty.getList("groups.key"));
            assertEquals(inside, byCounty.getDouble("groups[1].distanceKm"), 1e-9);
            assertEquals(total - inside, byCounty.getDouble("groups[0].distanceKm"), 0.0015);
            assertEquals(20 / 60.0, byCounty.getDouble("groups[1].hours"), 0.001);
            assertEquals(100 / 60.0 - 20 / 60.0, byCounty.getDouble("groups[0].hours"), 0.001);
            assertEquals(1, byCounty.getInt("groups[1].incidentsByType.SNARE"));
            assertEquals(1, byCounty.getInt("groups[0].incidentsByType.SNARE"));
            assertEquals(1, byCounty.getInt("groups[0].patrols"));
            assertEquals(1, byCounty.getInt("groups[1].patrols"));
        } finally {
            TestAreas.outline("COUNTY", QINYANG, "沁阳市", QINYANG, null, false, Instant.now());
        }
    }

    @Test
    void events_that_cannot_be_applied_go_to_the_dead_letter_topics() {
        String reserve = "pa-" + UUID.randomUUID();
        String code = "999999-T" + UUID.randomUUID().toString().substring(0, 8);
        // An open ring (its last position is not its first), and a plot of no Jiaozuo county.
        TestAreas.outline("PROTECTED_AREA", reserve, "坏边界", null,
                "{\"type\": \"Polygon\", \"coordinates\": [[[113.0,35.0],[113.1,35.0],[113.1,35.1],[113.0,35.2]]]}", true, Instant.now());
        TestAreas.plot(code, "999999", TestAreas.box(35.0, 35.01, 113.0, 113.01), false, Instant.now());
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            var area = kafka.await(Topics.GEOGRAPHY_DLQ, r -> ("PROTECTED_AREA:" + reserve).equals(r.key()), 1, Duration.ofSeconds(30));
            assertEquals(1, area.size());
            assertEquals(Topics.GEOGRAPHY, new String(area.get(0).headers().lastHeader("dlq.topic").value()));
            assertNotNull(area.get(0).headers().lastHeader("dlq.error"));
            var plot = kafka.await(Topics.PLOTS_DLQ, r -> code.equals(r.key()), 1, Duration.ofSeconds(30));
            assertEquals(1, plot.size());
            assertTrue(new String(plot.get(0).headers().lastHeader("dlq.error").value()).contains("999999"));
        }
    }
}
