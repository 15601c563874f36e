package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.freshSquare;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.outlineBody;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.put;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.read;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.withdraw;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.freshCorner;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.square;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.geo.Gcj02;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outlines of counties and protected areas: bureau or admin set them, checked like plot geometries (one 400 naming
 * every mistake), GCJ-02 converted, the same outline again changes nothing, anyone reads them as GeoJSON Features.
 */
@QuarkusTest
class AreaOutlineTest {

    private static final String XIUWU = "/counties/410821/outline";
    private static final String WUZHI = "/counties/410823/outline";
    private static final String YUNTAISHAN = "/protected-areas/yuntaishan-forest-park/outline";

    @SuppressWarnings("unchecked")
    private static List<List<Double>> ring(Map<String, Object> geometry) {
        return ((List<List<List<Double>>>) geometry.get("coordinates")).get(0);
    }

    @Test
    void a_bureau_sets_a_county_outline_and_anyone_reads_it_as_a_feature_with_its_geodesic_area() {
        Map<String, Object> geometry = freshSquare();
        Map<String, Object> body = outlineBody(geometry);
        List<List<Double>> ring = ring(geometry);
        double lat = ring.get(0).get(1);
        // 0.01° × 0.01°: about 1113 m × cos(lat) east-west by 1109 m north-south.
        double expectedHa = 1113.2 * Math.cos(Math.toRadians(lat + 0.005)) * 1109.5 / 10_000;
        String updatedAt = put(XIUWU, body).statusCode(200)
                .body("type", equalTo("Feature")).body("id", equalTo("COUNTY:410821"))
                .body("geometry.type", equalTo("Polygon"))
                .body("geometry.coordinates[0][2][0]", closeTo(ring.get(2).get(0), 1e-9))
                .body("properties.kind", equalTo("COUNTY")).body("properties.name", equalTo("修武县"))
                .body("properties.countyCode", equalTo("410821")).body("properties.datum", equalTo("WGS84"))
                .body("properties.source", equalTo(body.get("source")))
                .body("properties.areaHa", closeTo(expectedHa, expectedHa * 0.01))
                .extract().path("properties.updatedAt");

        read(XIUWU).statusCode(200).body("id", equalTo("COUNTY:410821"))
                .body("geometry.coordinates[0]", hasSize(5))
                .body("geometry.coordinates[0][1][1]", closeTo(ring.get(1).get(1), 1e-9))
                .body("properties.updatedAt", equalTo(updatedAt));
        read("/counties/410821").statusCode(200)
                .body("outline.source", equalTo(body.get("source")))
                .body("outline.areaHa", closeTo(expectedHa, expectedHa * 0.01))
                .body("outline.updatedAt", equalTo(updatedAt));
        read("/counties").statusCode(200)
                .body("find { it.code == '410821' }.outline.source", equalTo(body.get("source")));
    }

    @Test
    void an_admin_sets_a_protected_area_outline_and_its_only_county_comes_with_it() {
        Map<String, Object> body = outlineBody(freshSquare());
        put(YUNTAISHAN, body).statusCode(200).body("id", equalTo("PROTECTED_AREA:yuntaishan-forest-park"))
                .body("properties.name", equalTo("云台山国家森林公园")).body("properties.countyCode", equalTo("410821"));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json").body(outlineBody(freshSquare()))
                .when().put(YUNTAISHAN).then().statusCode(200);
        read(YUNTAISHAN).statusCode(200).body("properties.kind", equalTo("PROTECTED_AREA"));
        read("/protected-areas/yuntaishan-forest-park").statusCode(200)
                .body("outline.source", containsString("测试勘界"));
        read("/protected-areas").statusCode(200)
                .body("find { it.id == 'yuntaishan-forest-park' }.outline.areaHa", closeTo(100, 15));
    }

    @Test
    void a_protected_area_across_counties_is_given_the_outlined_county_it_overlaps_most() {
        // The macaque reserve lies in four counties; only Bo'ai and Qinyang are outlined here.
        withdraw("/counties/410821/outline");
        withdraw("/counties/410803/outline");
        double[] c = freshCorner();
        double lon = Math.min(c[0], 113.8);
        double lat = Math.min(c[1], 35.6);
        put("/counties/410822/outline", outlineBody(square(lon, lat, 0.04))).statusCode(200);
        put("/counties/410882/outline", outlineBody(square(lon + 0.04, lat, 0.04))).statusCode(200);
        // Three quarters in Bo'ai's square, one quarter in Qinyang's.
        put("/protected-areas/taihang-macaque-nnr/outline", outlineBody(square(lon + 0.02, lat + 0.01, 0.02)))
                .statusCode(200).body("properties.countyCode", equalTo("410822"));
        put("/protected-areas/taihang-macaque-nnr/outline", outlineBody(square(lon + 0.035, lat + 0.01, 0.02)))
                .statusCode(200).body("properties.countyCode", equalTo("410882"));
    }

    @Test
    void gcj02_positions_are_converted_to_wgs84_before_they_are_stored() {
        Map<String, Object> geometry = freshSquare();
        Map<String, Object> body = outlineBody(geometry);
        body.put("datum", "GCJ02");
        JsonPath stored = put(WUZHI, body).statusCode(200).body("properties.datum", equalTo("GCJ02"))
                .extract().jsonPath();
        List<List<Double>> sent = ring(geometry);
        for (int i = 0; i < sent.size(); i++) {
            Gcj02.LatLon wgs = Gcj02.toWgs84(sent.get(i).get(1), sent.get(i).get(0));
            double lon = stored.getDouble("geometry.coordinates[0][" + i + "][0]");
            double lat = stored.getDouble("geometry.coordinates[0][" + i + "][1]");
            assertEquals(wgs.lon(), lon, 1e-6);
            assertEquals(wgs.lat(), lat, 1e-6);
            // Around Jiaozuo GCJ-02 lies 0.005–0.007° east of WGS-84: the stored outline moved west.
            assertTrue(sent.get(i).get(0) - lon > 0.003, "moved west: " + sent.get(i).get(0) + " → " + lon);
        }
        read(WUZHI).statusCode(200)
                .body("geometry.coordinates[0][0][0]", closeTo(stored.getDouble("geometry.coordinates[0][0][0]"), 1e-9));
    }

    @Test
    void the_same_outline_again_changes_nothing() {
        Map<String, Object> body = outlineBody(freshSquare());
        String first = put(WUZHI, body).statusCode(200).extract().path("properties.updatedAt");
        put(WUZHI, body).statusCode(200).body("properties.updatedAt", equalTo(first));
        // A new source is a change.
        body.put("source", body.get("source") + " (checked)");
        String changed = put(WUZHI, body).statusCode(200).extract().path("properties.updatedAt");
        assertTrue(changed.compareTo(first) > 0, changed + " after " + first);
    }

    @Test
    void a_withdrawn_outline_is_gone_and_withdrawing_again_changes_nothing() {
        String path = "/protected-areas/jiayingguan-wetland-park/outline";
        put(path, outlineBody(freshSquare())).statusCode(200);
        withdraw(path);
        read(path).statusCode(404).contentType("application/problem+json");
        read("/protected-areas/jiayingguan-wetland-park").statusCode(200).body("outline", nullValue());
        withdraw(path);
    }

    @Test
    void rangers_may_not_set_or_withdraw_outlines_and_anonymous_callers_must_authenticate() {
        Map<String, Object> body = outlineBody(freshSquare());
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType("application/json").body(body)
                .when().put(XIUWU).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).when().delete(YUNTAISHAN).then().statusCode(403);
        given().contentType("application/json").body(body).when().put(XIUWU).then().statusCode(401)
                .contentType("application/problem+json");
        given().when().delete(XIUWU).then().statusCode(401);
    }

    @Test
    void an_unknown_county_or_protected_area_is_a_404() {
        put("/counties/410899/outline", outlineBody(freshSquare())).statusCode(404).contentType("application/problem+json");
        put("/protected-areas/no-such-park/outline", outlineBody(freshSquare())).statusCode(404);
        read("/protected-areas/no-such-park").statusCode(404);
        read("/counties/410899/outline").statusCode(404);
    }

    @Test
    void a_self_intersecting_ring_is_rejected() {
        double[] c = freshCorner();
        List<List<Double>> bowtie = List.of(List.of(c[0], c[1]), List.of(c[0] + 0.01, c[1] + 0.01),
                List.of(c[0] + 0.01, c[1]), List.of(c[0], c[1] + 0.01), List.of(c[0], c[1]));
        rejected(outlineBody(Map.of("type", "Polygon", "coordinates", List.of(bowtie))), "geometry",
                "is not a valid polygon: self-intersection");
    }

    @Test
    void a_geometry_that_is_not_a_polygon_is_rejected() {
        rejected(outlineBody(Map.of("type", "LineString", "coordinates", List.of(List.of(113.2, 35.3), List.of(113.3, 35.3)))),
                "geometry", "type must be Polygon or MultiPolygon, not LineString");
    }

    @Test
    void an_outline_outside_jiaozuo_is_rejected() {
        rejected(outlineBody(square(116.40, 39.90, 0.01)), "geometry", "must lie in Jiaozuo or its surroundings");
    }

    @Test
    void swapped_latitude_and_longitude_are_named_as_such() {
        rejected(outlineBody(Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(35.30, 113.20),
                List.of(35.30, 113.21), List.of(35.31, 113.21), List.of(35.30, 113.20))))), "geometry",
                "it looks like [latitude, longitude]");
    }

    @Test
    void an_outline_of_more_than_10000_positions_is_rejected() {
        double[] c = freshCorner();
        List<List<Double>> ring = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            double angle = 2 * Math.PI * i / 10_000;
            ring.add(List.of(c[0] + 0.05 * Math.cos(angle), c[1] + 0.05 * Math.sin(angle)));
        }
        ring.add(ring.get(0));
        rejected(outlineBody(Map.of("type", "Polygon", "coordinates", List.of(ring))), "geometry",
                "has more than 10000 positions");
    }

    @Test
    void every_mistake_is_named_in_one_400_and_the_stored_outline_stays() {
        Map<String, Object> good = outlineBody(freshSquare());
        put(WUZHI, good).statusCode(200);
        Map<String, Object> bad = outlineBody(square(116.40, 39.90, 0.01));
        bad.put("datum", "BD09");
        bad.put("source", "x".repeat(201));
        put(WUZHI, bad).statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("geometry", "datum", "source"))
                .body("violations.find { it.field == 'datum' }.message", equalTo("must be WGS84 or GCJ02"))
                .body("violations.find { it.field == 'source' }.message", containsString("at most 200"));
        Map<String, Object> blank = outlineBody(freshSquare());
        blank.put("source", " ");
        put(WUZHI, blank).statusCode(400).body("violations.field", containsInAnyOrder("source"));
        read(WUZHI).statusCode(200).body("properties.source", equalTo(good.get("source")));
    }

    private static void rejected(Map<String, Object> body, String field, String message) {
        put(XIUWU, body).statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", containsString(message));
    }
}
