package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.LEOPARD;
import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.TestPlots.TestPlot;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * GET /observations.geojson is an RFC 7946 FeatureCollection of Points [lon, lat] with the list's
 * filters, geoprivacy by caller and no rejected records; GET /observations.csv the same as CSV.
 */
@QuarkusTest
class GeoJsonExportTest {

    @Inject
    PlotIndex plots;

    @Inject
    StationBindings stations;

    private static final Set<String> PROPERTIES = Set.of("uuid", "speciesId", "scientificName", "chineseName", "observedAt",
            "observedOn", "countyCode", "plotCode", "stationId", "individualCount", "reviewStatus", "invasive", "sensitive", "generalized");

    private final String observer = "ranger-" + UUID.randomUUID();
    private final OffsetDateTime day = OffsetDateTime.of(1990 + ThreadLocalRandom.current().nextInt(30),
            1 + ThreadLocalRandom.current().nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28), 8, 0, 0, 0,
            ZoneOffset.ofHours(8)).plusMinutes(ThreadLocalRandom.current().nextInt(600));

    private String post(Map<String, Object> body, int minute) {
        return given().header("Authorization", TestTokens.bearer(Roles.RANGER, observer)).contentType(ContentType.JSON)
                .body(with(body, "observedAt", day.plusMinutes(minute).toString()))
                .when().post("/observations").then().statusCode(201).extract().path("uuid");
    }

    /** The id the public knows a sensitive record by (shown to its observer). */
    private String publicId(String uuid) {
        return given().header("Authorization", TestTokens.bearer(Roles.RANGER, observer)).when().get("/observations/" + uuid)
                .then().statusCode(200).extract().path("publicId");
    }

    /**
     * The start of the test's day in China: a sensitive species' record is filtered (and ordered) by the start of its day
     * (Asia/Shanghai, which kept summer time in 1986–1991, so not always +08:00).
     */
    private OffsetDateTime dayStart() {
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        return day.atZoneSameInstant(china).toLocalDate().atStartOfDay(china).toOffsetDateTime();
    }

    private String csv(String bearer, Map<String, Object> query) {
        var request = bearer == null ? given() : given().header("Authorization", bearer);
        return request.queryParam("from", dayStart().toString()).queryParam("to", dayStart().plusDays(1).toString())
                .queryParams(query).when().get("/observations.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
    }

    private JsonPath geojson(String bearer, Map<String, Object> query) {
        var request = bearer == null ? given() : given().header("Authorization", bearer);
        return request.queryParam("from", dayStart().toString()).queryParam("to", dayStart().plusDays(1).toString())
                .queryParams(query).when().get("/observations.geojson")
                .then().statusCode(200).contentType("application/geo+json").extract().jsonPath();
    }

    @Test
    void a_feature_collection_of_points_with_the_agreed_properties_and_generalized_sensitive_points() {
        String leopard = post(with(sighting(LEOPARD), "location", location(35.3321, 113.3604)), 1);
        String macaque = post(with(sighting(MACAQUE), "location", location(35.2711, 113.2802)), 2);
        String rejected = post(sighting(MACAQUE), 3);
        given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).contentType(ContentType.JSON)
                .body(Map.of("status", "REJECTED")).when().patch("/observations/" + rejected + "/review").then().statusCode(200);

        JsonPath doc = geojson(null, Map.of());
        assertEquals("FeatureCollection", doc.getString("type"));
        assertNull(doc.get("crs"), "RFC 7946 removed crs: coordinates are WGS-84 longitude, latitude");
        List<Map<String, Object>> features = doc.getList("features");
        assertEquals(2, features.size(), "the rejected record is left out");
        for (Map<String, Object> feature : features) {
            assertEquals("Feature", feature.get("type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> geometry = (Map<String, Object>) feature.get("geometry");
            assertEquals("Point", geometry.get("type"));
            List<?> position = (List<?>) geometry.get("coordinates");
            assertEquals(2, position.size());
            double lon = ((Number) position.get(0)).doubleValue();
            double lat = ((Number) position.get(1)).doubleValue();
            assertTrue(lon > 112 && lon < 114 && lat > 34 && lat < 36, "longitude first, latitude second");
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) feature.get("properties");
            assertTrue(properties.keySet().containsAll(PROPERTIES), "properties " + properties.keySet());
        }
        // Newest first: the macaque (minute 2) before the leopard (listed at the start of its day).
        assertEquals(macaque, doc.getString("features[0].properties.uuid"));
        assertEquals(List.of(113.2802f, 35.2711f), doc.getList("features[0].geometry.coordinates"));
        assertEquals(false, doc.getBoolean("features[0].properties.generalized"));
        assertEquals("猕猴", doc.getString("features[0].properties.chineseName"));
        assertEquals("UNVERIFIED", doc.getString("features[0].properties.reviewStatus"));

        assertEquals(day.plusMinutes(2).toString(), doc.getString("features[0].properties.observedAt"));
        assertEquals("SIGHTING", doc.getString("features[0].properties.method"));

        String leopardPublic = publicId(leopard);
        assertEquals(leopardPublic, doc.getString("features[1].properties.uuid"), "the public id, not the client's uuid");
        assertEquals(leopardPublic, doc.getString("features[1].id"));
        assertEquals(List.of(113.35f, 35.35f), doc.getList("features[1].geometry.coordinates"), "cell centre for the public");
        assertEquals(true, doc.getBoolean("features[1].properties.generalized"));
        assertEquals(true, doc.getBoolean("features[1].properties.sensitive"));
        assertNull(doc.get("features[1].properties.observedAt"), "the day only");
        assertEquals(day.toLocalDate().toString(), doc.getString("features[1].properties.observedOn"));
        assertNull(doc.get("features[1].properties.method"));

        JsonPath own = geojson(TestTokens.bearer(Roles.RANGER, observer), Map.of("speciesId", LEOPARD));
        assertEquals(1, own.getList("features").size(), "the list's filters apply");
        assertEquals(List.of(113.3604f, 35.3321f), own.getList("features[0].geometry.coordinates"), "the observer sees the point");
        assertEquals(false, own.getBoolean("features[0].properties.generalized"));
    }

    @Test
    void limit_pages_through_with_next_cursor() {
        String first = post(sighting(MACAQUE), 1);
        String second = post(sighting(MACAQUE), 2);
        String third = post(sighting(MACAQUE), 3);

        JsonPath page1 = geojson(null, Map.of("limit", 2));
        assertEquals(List.of(third, second), page1.getList("features.properties.uuid"));
        assertNotNull(page1.getString("nextCursor"));
        JsonPath page2 = geojson(null, Map.of("limit", 2, "cursor", page1.getString("nextCursor")));
        assertEquals(List.of(first), page2.getList("features.properties.uuid"));
        assertNull(page2.getString("nextCursor"));
    }

    @Test
    void limit_above_10000_is_a_400_on_limit() {
        given().queryParam("limit", 10001).when().get("/observations.geojson").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", org.hamcrest.Matchers.equalTo("limit"));
    }

    @Test
    void a_date_beyond_the_year_9999_is_a_400_before_anything_streams() {
        given().queryParam("from", "+10000-01-01T00:00:00Z").when().get("/observations.csv").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", org.hamcrest.Matchers.equalTo("from"));
    }

    @Test
    void csv_has_a_header_and_one_line_per_observation_with_the_same_privacy() {
        String leopard = post(with(sighting(LEOPARD), "location", location(35.3321, 113.3604)), 1);
        String macaque = post(with(sighting(MACAQUE), "location", location(35.2711, 113.2802)), 2);

        String csv = csv(null, Map.of());
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length);
        assertEquals("uuid,speciesId,scientificName,chineseName,observedAt,observedOn,lat,lon,accuracyM,generalized,countyCode,"
                + "plotCode,stationId,method,individualCount,reviewStatus,invasive,sensitive", lines[0]);
        String date = day.toLocalDate().toString();
        assertTrue(lines[1].startsWith(macaque + ",3,Macaca mulatta,猕猴," + day.plusMinutes(2) + "," + date
                + ",35.2711,113.2802,10,false,410821,"), lines[1]);
        assertTrue(lines[2].startsWith(publicId(leopard) + ",1,Panthera pardus japonensis,华北豹,," + date + ","), lines[2]);
        assertFalse(csv.contains(leopard), "the client's uuid is not published");
        assertTrue(lines[2].contains(",35.35,113.35,"), "generalized for the public: " + lines[2]);
        assertFalse(csv.contains("35.3321"));
    }

    @Test
    void generalized_features_carry_no_plot_or_station_and_a_plot_filter_leaves_them_out() {
        String station = TestStations.bound(stations, observer);
        try (TestPlot plot = TestPlots.newPlot(plots)) {
            String leopard = post(with(plot.sighting(LEOPARD), "stationId", station), 1);
            String macaque = post(with(plot.sighting(MACAQUE), "stationId", station), 2);

            JsonPath everything = geojson(null, Map.of());
            assertEquals(List.of(macaque, publicId(leopard)), everything.getList("features.properties.uuid"));
            assertEquals(true, everything.getBoolean("features[1].properties.generalized"));
            assertNull(everything.get("features[1].properties.plotCode"), "the plot would locate the leopard");
            assertNull(everything.get("features[1].properties.stationId"), "so would the camera");
            assertEquals(plot.code(), everything.getString("features[0].properties.plotCode"), "the macaque keeps its plot");
            assertEquals(station, everything.getString("features[0].properties.stationId"));

            JsonPath inPlot = geojson(null, Map.of("plotCode", plot.code()));
            assertEquals(List.of(macaque), inPlot.getList("features.properties.uuid"), "the leopard's presence is not revealed");
            assertEquals(List.of(plot.code()), inPlot.getList("features.properties.plotCode"));

            JsonPath reviewer = geojson(TestTokens.bearer(Roles.REVIEWER), Map.of("plotCode", plot.code()));
            assertEquals(List.of(macaque, leopard), reviewer.getList("features.properties.uuid"));
            assertEquals(List.of(plot.code(), plot.code()), reviewer.getList("features.properties.plotCode"));
            assertEquals(List.of(station, station), reviewer.getList("features.properties.stationId"));
        }
    }

    @Test
    void generalized_csv_rows_carry_no_plot_or_station_and_a_plot_filter_leaves_them_out() {
        String station = TestStations.bound(stations, observer);
        try (TestPlot plot = TestPlots.newPlot(plots)) {
            String leopard = post(with(plot.sighting(LEOPARD), "stationId", station), 1);
            String macaque = post(with(plot.sighting(MACAQUE), "stationId", station), 2);

            String[] lines = csv(null, Map.of()).split("\r\n");
            assertEquals(3, lines.length);
            assertTrue(lines[1].startsWith(macaque + ","), lines[1]);
            assertTrue(lines[1].contains(",false," + TestPlots.QINYANG + "," + plot.code() + "," + station + ",SIGHTING,"),
                    "the macaque keeps plot and station: " + lines[1]);
            assertTrue(lines[2].startsWith(publicId(leopard) + ","), lines[2]);
            assertTrue(lines[2].contains(",true," + TestPlots.QINYANG + ",,,,2,"), "no plot, station or method: " + lines[2]);

            String inPlot = csv(null, Map.of("plotCode", plot.code()));
            assertEquals(2, inPlot.split("\r\n").length, inPlot);
            assertFalse(inPlot.contains(leopard), "the leopard's presence is not revealed");
            assertTrue(inPlot.contains(macaque));

            String reviewer = csv(TestTokens.bearer(Roles.REVIEWER), Map.of("plotCode", plot.code()));
            String[] reviewed = reviewer.split("\r\n");
            assertEquals(3, reviewed.length, reviewer);
            assertTrue(reviewed[2].startsWith(leopard + ","), reviewed[2]);
            assertTrue(reviewed[2].contains(",false," + TestPlots.QINYANG + "," + plot.code() + "," + station + ",SIGHTING,"),
                    reviewed[2]);
        }
    }
}
