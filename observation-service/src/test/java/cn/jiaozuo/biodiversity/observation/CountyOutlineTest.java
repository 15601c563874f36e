package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.TestOutlines.TestOutline;
import cn.jiaozuo.biodiversity.observation.TestPlots.TestPlot;
import cn.jiaozuo.biodiversity.observation.domain.CountyOutlines;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * County outlines arrive as AreaOutlined events on the compacted `geography` topic (from sampling-plot-service); when
 * a sighting leaves countyCode out and no plot supplies it, the one outline covering the point does. Each test
 * outlines counties as small squares in a corner no other test uses and withdraws them afterwards.
 */
@QuarkusTest
class CountyOutlineTest {

    static final String COUNTY_NOT_DERIVED = "could not be derived from the point (it lies in no sampling plot and in"
            + " no single county outline, e.g. near a county boundary) and must be given";

    @Inject
    CountyOutlines counties;

    @Inject
    PlotIndex plots;

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, Object> withoutCounty(double lat, double lon) {
        return with(with(sighting(MACAQUE), "location", location(lat, lon)), "countyCode", null);
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then();
    }

    private static void refusedForCounty(Map<String, Object> body) {
        post(body).statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("countyCode")))
                .body("violations[0].message", equalTo(COUNTY_NOT_DERIVED));
    }

    @Test
    void an_omitted_county_comes_from_the_outline_covering_the_point() {
        double[] p = TestOutlines.freePoint();
        try (TestOutline outline = TestOutlines.outline(counties, "410821", p[0], p[1], 0.005)) {
            post(withoutCounty(p[0] + 0.002, p[1] - 0.002)).statusCode(201)
                    .body("countyCode", equalTo("410821"))
                    .body("plotCode", nullValue());

            Map<String, Object> inside = withoutCounty(p[0], p[1]);
            Map<String, Object> outside = withoutCounty(p[0] + 0.01, p[1]);
            given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON)
                    .body(Sightings.batch(List.of(inside, outside)))
                    .when().post("/observations/batch").then().statusCode(200)
                    .body("results[0].status", equalTo("CREATED"))
                    .body("results[1].status", equalTo("REJECTED"))
                    .body("results[1].violations.field", equalTo(List.of("items[1].countyCode")));
        }
    }

    @Test
    void an_omitted_county_outside_every_outline_is_a_400() {
        double[] p = TestOutlines.freePoint();
        try (TestOutline outline = TestOutlines.outline(counties, "410822", p[0], p[1], 0.005)) {
            refusedForCounty(withoutCounty(p[0] + 0.0051, p[1]));
        }
    }

    @Test
    void where_two_outlines_overlap_the_county_must_be_given() {
        double[] p = TestOutlines.freePoint();
        // Two squares overlapping in a band 0.002° wide around lon + 0.004.
        try (TestOutline west = TestOutlines.outline(counties, "410823", p[0], p[1], 0.005, p[0], p[1] - 0.004);
                TestOutline east = TestOutlines.outline(counties, "410825", p[0], p[1] + 0.008, 0.005, p[0], p[1] + 0.012)) {
            assertEquals(Optional.empty(), counties.countyOf(p[0], p[1] + 0.004));
            refusedForCounty(withoutCounty(p[0], p[1] + 0.004));
            post(withoutCounty(p[0], p[1] - 0.004)).statusCode(201).body("countyCode", equalTo("410823"));
            post(withoutCounty(p[0], p[1] + 0.012)).statusCode(201).body("countyCode", equalTo("410825"));
        }
    }

    @Test
    void a_given_county_is_kept_even_inside_another_county_outline() {
        double[] p = TestOutlines.freePoint();
        try (TestOutline outline = TestOutlines.outline(counties, "410882", p[0], p[1], 0.005)) {
            post(with(withoutCounty(p[0], p[1]), "countyCode", "410811")).statusCode(201)
                    .body("countyCode", equalTo("410811"));
        }
    }

    @Test
    void a_withdrawn_outline_no_longer_supplies_the_county() {
        double[] p = TestOutlines.freePoint();
        TestOutline outline = TestOutlines.outline(counties, "410804", p[0], p[1], 0.005);
        try {
            post(withoutCounty(p[0], p[1])).statusCode(201).body("countyCode", equalTo("410804"));
        } finally {
            outline.close(); // waits until the index no longer has it
        }
        refusedForCounty(withoutCounty(p[0], p[1]));
    }

    @Test
    void a_plot_beats_the_outline_around_it() {
        double[] p = TestOutlines.freePoint();
        try (TestOutline outline = TestOutlines.outline(counties, "410803", p[0], p[1], 0.01);
                TestPlot plot = TestPlots.newPlot(plots, "410883", p[0], p[1])) {
            post(plot.sighting(MACAQUE)).statusCode(201)
                    .body("plotCode", equalTo(plot.code()))
                    .body("countyCode", equalTo("410883"));
            // Beside the plot, still inside the outline.
            post(withoutCounty(p[0] + 0.006, p[1])).statusCode(201)
                    .body("plotCode", nullValue())
                    .body("countyCode", equalTo("410803"));
        }
    }

    @Test
    void a_protected_area_outline_supplies_no_county() {
        double[] p = TestOutlines.freePoint();
        String key = "PROTECTED_AREA:test-" + UUID.randomUUID();
        // The county outline is the sentinel: same key, so the same partition, read after the protected area.
        TestOutlines.send(key, TestOutlines.area("PROTECTED_AREA", "test-" + UUID.randomUUID(), "410802", UUID.randomUUID(),
                TestOutlines.square(p[0], p[1], 0.005), true, TestOutlines.updatedAt()));
        TestOutlines.send(key, TestOutlines.outlined("410802", UUID.randomUUID(), TestOutlines.square(p[0] + 0.015, p[1], 0.005),
                TestOutlines.updatedAt()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> counties.countyOf(p[0] + 0.015, p[1]).equals(Optional.of("410802")));
        try {
            refusedForCounty(withoutCounty(p[0], p[1]));
        } finally {
            new TestOutline(counties, "410802", p[0] + 0.015, p[1], 0.005).close();
        }
    }

    @Test
    void a_poison_outline_goes_to_the_dead_letter_topic_and_the_consumer_goes_on() {
        double[] p = TestOutlines.freePoint();
        String key = "COUNTY:bad-" + UUID.randomUUID();
        String openRing = "{\"type\": \"Polygon\", \"coordinates\": [[[113.7, 35.6], [113.71, 35.6]]]}";
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.GEOGRAPHY, key, TestOutlines.outlined("410811", UUID.randomUUID(), openRing, TestOutlines.updatedAt()));
            var dead = kafka.await(Topics.GEOGRAPHY_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
            assertEquals(1, dead.size());
            assertEquals(Topics.GEOGRAPHY, new String(dead.get(0).headers().lastHeader("dlq.topic").value()));
            // The next event on the same partition is applied.
            kafka.send(Topics.GEOGRAPHY, key, TestOutlines.outlined("410811", UUID.randomUUID(),
                    TestOutlines.square(p[0], p[1], 0.005), TestOutlines.updatedAt()));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> counties.countyOf(p[0], p[1]).equals(Optional.of("410811")));
        new TestOutline(counties, "410811", p[0], p[1], 0.005).close();
    }

    @Test
    void a_replayed_outline_event_is_applied_once() throws Exception {
        double[] p = TestOutlines.freePoint();
        UUID eventId = UUID.randomUUID();
        String event = TestOutlines.outlined("410825", eventId, TestOutlines.square(p[0], p[1], 0.005), TestOutlines.updatedAt());
        String key = TestOutlines.key("410825");
        TestOutlines.send(key, event);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> counties.countyOf(p[0], p[1]).equals(Optional.of("410825")));
        long version = version("410825");
        try {
            TestOutlines.send(key, event);
            // Sentinel: another county's outline on the same key (same partition), read after the replay.
            TestOutlines.send(key, TestOutlines.outlined("410823", UUID.randomUUID(), TestOutlines.square(p[0] + 0.015, p[1], 0.004),
                    TestOutlines.updatedAt()));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> counties.countyOf(p[0] + 0.015, p[1]).equals(Optional.of("410823")));

            assertEquals(version, version("410825"), "the replay did not write the row again");
            assertEquals(1, processedCount(eventId));
        } finally {
            new TestOutline(counties, "410823", p[0] + 0.015, p[1], 0.004).close();
            new TestOutline(counties, "410825", p[0], p[1], 0.005).close();
        }
    }

    private long version(String countyCode) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select version from county_outline where county_code = ?")) {
            s.setString(1, countyCode);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int processedCount(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from processed_event where event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
