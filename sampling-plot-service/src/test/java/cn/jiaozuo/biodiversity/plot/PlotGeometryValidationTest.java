package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.freshCorner;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.ring;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.square;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The geometry rules of a plot, one rule per test: each broken rule is a 400 problem with exactly one
 * violation, on {@code geometry}, whose message says what is wrong — and nothing is stored.
 */
@QuarkusTest
class PlotGeometryValidationTest {

    private static final String XIUWU = "410821";

    @Test
    void a_valid_square_is_accepted() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json")
                .body(plotBody(XIUWU)).when().post("/plots").then().statusCode(201);
    }

    @Test
    void a_missing_geometry_is_rejected() {
        Map<String, Object> body = plotBody(XIUWU);
        body.remove("geometry");
        rejected(body, "must not be null");
    }

    @Test
    void a_point_is_not_a_plot() {
        rejected(geometry(Map.of("type", "Point", "coordinates", List.of(113.2, 35.3))),
                "type must be Polygon or MultiPolygon, not Point");
    }

    @Test
    void a_line_string_is_not_a_plot() {
        rejected(geometry(Map.of("type", "LineString", "coordinates", List.of(List.of(113.2, 35.3), List.of(113.3, 35.3)))),
                "type must be Polygon or MultiPolygon, not LineString");
    }

    @Test
    void coordinates_must_be_an_array() {
        rejected(geometry(Map.of("type", "Polygon", "coordinates", "113.2 35.3")), "coordinates must be an array");
    }

    @Test
    void a_ring_must_be_closed() {
        double[] c = freshCorner();
        List<List<Double>> open = List.of(List.of(c[0], c[1]), List.of(c[0] + 0.001, c[1]),
                List.of(c[0] + 0.001, c[1] + 0.001), List.of(c[0], c[1] + 0.001));
        rejected(geometry(Map.of("type", "Polygon", "coordinates", List.of(open))),
                "exterior ring is not closed: its first and last positions must be identical");
    }

    @Test
    void a_ring_needs_at_least_four_positions() {
        double[] c = freshCorner();
        List<List<Double>> triangleWithoutClosure = List.of(List.of(c[0], c[1]), List.of(c[0] + 0.001, c[1]),
                List.of(c[0], c[1]));
        rejected(geometry(Map.of("type", "Polygon", "coordinates", List.of(triangleWithoutClosure))),
                "exterior ring has 3 positions; a linear ring needs at least 4");
    }

    @Test
    void a_position_must_be_numeric() {
        double[] c = freshCorner();
        List<Object> ring = List.of(List.of(c[0], c[1]), List.of("113.2", "35.3"), List.of(c[0] + 0.001, c[1] + 0.001),
                List.of(c[0], c[1]));
        rejected(geometry(Map.of("type", "Polygon", "coordinates", List.of(ring))),
                "exterior ring, position 2 must be [longitude, latitude] with numbers");
    }

    @Test
    void a_longitude_beyond_180_is_out_of_range() {
        double[] c = freshCorner();
        List<List<Double>> ring = List.of(List.of(c[0], c[1]), List.of(200.0, c[1]), List.of(c[0], c[1] + 0.001),
                List.of(c[0], c[1]));
        rejected(geometry(Map.of("type", "Polygon", "coordinates", List.of(ring))),
                "position 2 [200.0, " + c[1] + "] is out of range: longitude must be within ±180 and latitude within ±90");
    }

    @Test
    void latitude_first_positions_are_out_of_range_and_named_as_swapped() {
        List<List<Double>> swapped = List.of(List.of(35.3, 113.2), List.of(35.3, 113.21), List.of(35.31, 113.21),
                List.of(35.3, 113.2));
        rejected(geometry(Map.of("type", "Polygon", "coordinates", List.of(swapped))),
                "it looks like [latitude, longitude], GeoJSON wants [longitude, latitude]");
    }

    @Test
    void a_self_intersecting_bow_tie_is_rejected() {
        double[] c = freshCorner();
        double s = 0.001;
        List<List<Double>> bowTie = List.of(List.of(c[0], c[1]), List.of(c[0] + s, c[1] + s), List.of(c[0] + s, c[1]),
                List.of(c[0], c[1] + s), List.of(c[0], c[1]));
        rejected(geometry(Map.of("type", "Polygon", "coordinates", List.of(bowTie))), "is not a valid polygon: self-intersection at");
    }

    @Test
    void a_hole_outside_its_shell_is_rejected() {
        double[] c = freshCorner();
        rejected(geometry(Map.of("type", "Polygon", "coordinates",
                List.of(ring(c[0], c[1], 0.001), ring(c[0] + 0.0015, c[1], 0.0002)))),
                "is not a valid polygon: hole lies outside shell");
    }

    @Test
    void overlapping_parts_of_a_multipolygon_are_rejected() {
        double[] c = freshCorner();
        rejected(geometry(Map.of("type", "MultiPolygon", "coordinates",
                List.of(List.of(ring(c[0], c[1], 0.001)), List.of(ring(c[0] + 0.0005, c[1], 0.001))))),
                "is not a valid polygon: self-intersection");
    }

    @Test
    void a_vertex_outside_jiaozuo_is_rejected() {
        // Beijing: a valid polygon, far from Jiaozuo.
        rejected(geometry(square(116.40, 39.90, 0.001)), "must lie in Jiaozuo or its surroundings");
    }

    @Test
    void one_vertex_just_outside_the_area_is_enough_to_reject() {
        List<List<Double>> ring = List.of(List.of(113.99, 35.0), List.of(114.01, 35.0), List.of(114.0, 35.01),
                List.of(113.99, 35.0));
        rejected(geometry(Map.of("type", "Polygon", "coordinates", List.of(ring))),
                "position 2 [114.01, 35.0] must lie in Jiaozuo or its surroundings");
    }

    @Test
    void an_unknown_county_is_a_violation_on_county_code() {
        Map<String, Object> body = plotBody("110101");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json").body(body)
                .when().post("/plots").then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(1)).body("violations[0].field", equalTo("countyCode"));
    }

    @Test
    void a_protected_area_outside_the_county_is_a_violation_on_protected_area_id() {
        Map<String, Object> body = plotBody(XIUWU);
        body.put("protectedAreaId", "wenxian-wetland-park");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json").body(body)
                .when().post("/plots").then().statusCode(400)
                .body("violations", hasSize(1)).body("violations[0].field", equalTo("protectedAreaId"))
                .body("violations[0].message", containsString("does not lie in county 410821"));
    }

    @Test
    void an_unknown_ecosystem_is_a_violation_on_ecosystem() {
        Map<String, Object> body = plotBody(XIUWU);
        body.put("ecosystem", "DESERT");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json").body(body)
                .when().post("/plots").then().statusCode(400).body("violations[0].field", equalTo("ecosystem"));
    }

    private static Map<String, Object> geometry(Map<String, Object> geometry) {
        Map<String, Object> body = new HashMap<>(plotBody(XIUWU));
        body.put("geometry", geometry);
        return body;
    }

    private static void rejected(Map<String, Object> body, String message) {
        String name = (String) body.get("name");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json").body(body)
                .when().post("/plots").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("geometry"))
                .body("violations[0].message", containsString(message));
        // Nothing was stored under that name.
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).queryParam("countyCode", XIUWU)
                .queryParam("size", 500).when().get("/plots").then().statusCode(200)
                .body("findAll { it.name == '" + name + "' }", hasSize(0));
    }
}
