package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Plots arrive as events on the compacted `plots` topic (from sampling-plot-service) and intake
 * assigns them locally: plotCode, and countyCode when the client left it out.
 */
@QuarkusTest
class PlotAssignmentTest {

    @Inject
    PlotIndex plots;

    @Inject
    AgroalDataSource dataSource;

    /** A square plot of ±0.005° around a random point in the 孟州 shoals, far from other tests' points. */
    private record TestPlot(String code, double lat, double lon) {
    }

    private static TestPlot newPlot() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new TestPlot("410883-T" + UUID.randomUUID().toString().substring(0, 8), 34.60 + random.nextDouble(0.3),
                112.30 + random.nextDouble(0.4));
    }

    private static String envelope(String type, TestPlot plot, String status, Instant updatedAt) {
        double d = 0.005;
        String ring = String.format(java.util.Locale.ROOT, "[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]",
                plot.lon() - d, plot.lat() - d, plot.lon() + d, plot.lat() - d, plot.lon() + d, plot.lat() + d,
                plot.lon() - d, plot.lat() + d, plot.lon() - d, plot.lat() - d);
        return """
                {"eventId": "%s", "type": "%s", "occurredAt": "%s", "source": "sampling-plot-service",
                 "data": {"code": "%s", "name": "Test shoal plot", "countyCode": "410883", "priorityArea": "YELLOW_RIVER",
                          "ecosystem": "WETLAND", "methods": ["POINT_COUNT"], "status": "%s",
                          "geometry": {"type": "Polygon", "coordinates": [%s]},
                          "areaHa": 100.0, "protectedAreaId": null, "establishedOn": "2025-03-01",
                          "surveyIntervalDays": 90, "updatedAt": "%s"}}"""
                .formatted(UUID.randomUUID(), type, updatedAt, plot.code(), status, ring, updatedAt);
    }

    private static Map<String, Object> sightingAt(TestPlot plot) {
        return with(with(sighting(MACAQUE), "location", location(plot.lat() + 0.001, plot.lon() - 0.001)), "countyCode", null);
    }

    private void awaitPlotKnown(TestPlot plot, boolean known) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> plots.locate(plot.lat(), plot.lon())
                .map(m -> m.code().equals(plot.code())).orElse(false) == known);
    }

    @Test
    void an_observation_inside_a_new_plot_gets_its_plot_and_county() {
        TestPlot plot = newPlot();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.PLOTS, plot.code(), envelope("PlotUpserted", plot, "ACTIVE", Instant.now()));
        }
        awaitPlotKnown(plot, true);

        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(sightingAt(plot))
                .when().post("/observations").then().statusCode(201)
                .body("plotCode", equalTo(plot.code()))
                .body("countyCode", equalTo("410883"));
    }

    @Test
    void a_point_outside_every_plot_gets_no_plot() {
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(sighting(MACAQUE))
                .when().post("/observations").then().statusCode(201).body("plotCode", nullValue());
    }

    @Test
    void a_retired_plot_is_no_longer_matched_but_earlier_records_still_replay() {
        TestPlot plot = newPlot();
        String bearer = TestTokens.bearer(Roles.RANGER, "ranger-" + UUID.randomUUID());
        Map<String, Object> earlier = sightingAt(plot);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.PLOTS, plot.code(), envelope("PlotUpserted", plot, "ACTIVE", Instant.now().minusSeconds(5)));
            awaitPlotKnown(plot, true);
            given().header("Authorization", bearer).contentType(ContentType.JSON).body(earlier)
                    .when().post("/observations").then().statusCode(201).body("plotCode", equalTo(plot.code()));
            kafka.send(Topics.PLOTS, plot.code(), envelope("PlotRetired", plot, "RETIRED", Instant.now()));
        }
        awaitPlotKnown(plot, false);

        given().header("Authorization", bearer).contentType(ContentType.JSON).body(sightingAt(plot))
                .when().post("/observations").then().statusCode(400).body("violations.field", hasItem("countyCode"));
        // An offline client re-sending the earlier record gets its stored record, not a 400.
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(earlier)
                .when().post("/observations").then().statusCode(200)
                .body("uuid", equalTo(earlier.get("uuid"))).body("plotCode", equalTo(plot.code()));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("items", java.util.List.of(earlier)))
                .when().post("/observations/batch").then().statusCode(200)
                .body("duplicates", equalTo(1)).body("results[0].status", equalTo("DUPLICATE"));
    }

    @Test
    void an_older_snapshot_arriving_after_a_newer_one_changes_nothing() throws Exception {
        TestPlot plot = newPlot();
        Instant now = Instant.now();
        String stale = envelope("PlotUpserted", plot, "ACTIVE", now.minusSeconds(60));
        UUID staleEventId = UUID.fromString(stale.substring(stale.indexOf("\"eventId\": \"") + 12, stale.indexOf("\"eventId\": \"") + 48));
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.PLOTS, plot.code(), envelope("PlotRetired", plot, "RETIRED", now));
            kafka.send(Topics.PLOTS, plot.code(), stale);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> processed(staleEventId));

        assertEquals("RETIRED", plotStatus(plot.code()));
        assertEquals(false, plots.locate(plot.lat(), plot.lon()).isPresent());
    }

    private boolean processed(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from processed_event where event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private String plotStatus(String code) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select status from plot_area where code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void a_plot_event_with_an_unusable_geometry_goes_to_the_dead_letter_topic() {
        String code = "410883-BAD" + UUID.randomUUID().toString().substring(0, 6);
        String bad = """
                {"eventId": "%s", "type": "PlotUpserted", "occurredAt": "%s", "source": "sampling-plot-service",
                 "data": {"code": "%s", "countyCode": "410883", "status": "ACTIVE",
                          "geometry": {"type": "Polygon", "coordinates": [[[112.5, 34.7], [112.6, 34.7]]]},
                          "areaHa": 0, "surveyIntervalDays": 90}}""".formatted(UUID.randomUUID(), Instant.now(), code);
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.PLOTS, code, bad);
            var dead = kafka.await(Topics.PLOTS_DLQ, r -> code.equals(r.key()), 1, Duration.ofSeconds(30));
            assertEquals(1, dead.size());
            assertEquals(Topics.PLOTS, new String(dead.get(0).headers().lastHeader("dlq.topic").value()));
        }
    }
}
