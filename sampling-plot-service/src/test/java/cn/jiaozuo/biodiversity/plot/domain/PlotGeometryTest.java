package cn.jiaozuo.biodiversity.plot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The geometry rules of a plot, without the service: GeoJSON text in, either a JTS geometry or exactly one violation
 * on {@code geometry} whose message says what is wrong and where. Plain JUnit; PlotGeometryValidationTest shows one
 * rule through {@code POST /plots} (the 400 problem, nothing stored).
 */
class PlotGeometryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A 0.001° square in Xiuwu, counter-clockwise, as GeoJSON positions. */
    private static final String SQUARE = "[[113.2,35.4],[113.201,35.4],[113.201,35.401],[113.2,35.401],[113.2,35.4]]";

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String polygon(String... rings) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + String.join(",", rings) + "]}";
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("not an object", "[1, 2]", "must be a GeoJSON object with \"type\" and \"coordinates\""),
                Arguments.of("a point", "{\"type\":\"Point\",\"coordinates\":[113.2,35.3]}",
                        "type must be Polygon or MultiPolygon, not Point"),
                Arguments.of("a line", "{\"type\":\"LineString\",\"coordinates\":[[113.2,35.3],[113.3,35.3]]}",
                        "type must be Polygon or MultiPolygon, not LineString"),
                Arguments.of("no type", "{\"coordinates\":[" + SQUARE + "]}", "type must be Polygon or MultiPolygon"),
                Arguments.of("lower-case type", "{\"type\":\"polygon\",\"coordinates\":[" + SQUARE + "]}",
                        "type must be Polygon or MultiPolygon, not polygon"),
                Arguments.of("no coordinates", "{\"type\":\"Polygon\"}", "coordinates must be an array"),
                Arguments.of("coordinates as text", "{\"type\":\"Polygon\",\"coordinates\":\"113.2 35.3\"}",
                        "coordinates must be an array"),
                Arguments.of("no ring", polygon(), "a polygon needs an array of linear rings (the exterior ring first)"),
                Arguments.of("a ring that is no array", polygon("{}"), "exterior ring must be an array of positions"),
                Arguments.of("three positions", polygon("[[113.2,35.4],[113.201,35.4],[113.2,35.4]]"),
                        "exterior ring has 3 positions; a linear ring needs at least 4 (the first repeated as the last)"),
                Arguments.of("an open ring", polygon("[[113.2,35.4],[113.201,35.4],[113.201,35.401],[113.2,35.401]]"),
                        "exterior ring is not closed: its first and last positions must be identical"),
                Arguments.of("numbers as text", polygon("[[113.2,35.4],[\"113.2\",\"35.3\"],[113.201,35.401],[113.2,35.4]]"),
                        "exterior ring, position 2 must be [longitude, latitude] with numbers"),
                Arguments.of("a position of one number", polygon("[[113.2,35.4],[113.2],[113.201,35.401],[113.2,35.4]]"),
                        "exterior ring, position 2 must be [longitude, latitude] with numbers"),
                Arguments.of("a longitude beyond 180", polygon("[[113.2,35.4],[200.0,35.4],[113.2,35.401],[113.2,35.4]]"),
                        "exterior ring, position 2 [200.0, 35.4] is out of range: longitude must be within ±180 and latitude"
                                + " within ±90"),
                Arguments.of("latitude first", polygon("[[35.3,113.2],[35.3,113.21],[35.31,113.21],[35.3,113.2]]"),
                        "it looks like [latitude, longitude], GeoJSON wants [longitude, latitude]"),
                Arguments.of("a polygon in Beijing",
                        polygon("[[116.4,39.9],[116.401,39.9],[116.401,39.901],[116.4,39.901],[116.4,39.9]]"),
                        "exterior ring, position 1 [116.4, 39.9] must lie in Jiaozuo or its surroundings"),
                Arguments.of("one vertex just east of the area", polygon("[[113.99,35.0],[114.01,35.0],[114.0,35.01],[113.99,35.0]]"),
                        "exterior ring, position 2 [114.01, 35.0] must lie in Jiaozuo or its surroundings"),
                Arguments.of("a bad hole", polygon(SQUARE, "[[113.2,35.4],[113.2001,35.4],[113.2,35.4]]"),
                        "hole 1 has 3 positions"),
                Arguments.of("a bow tie", polygon("[[113.2,35.4],[113.201,35.401],[113.201,35.4],[113.2,35.401],[113.2,35.4]]"),
                        "is not a valid polygon: self-intersection at"),
                Arguments.of("a hole outside its shell", polygon(SQUARE,
                        "[[113.2015,35.4],[113.2017,35.4],[113.2017,35.4002],[113.2015,35.4002],[113.2015,35.4]]"),
                        "is not a valid polygon: hole lies outside shell"),
                Arguments.of("an empty multipolygon", "{\"type\":\"MultiPolygon\",\"coordinates\":[]}",
                        "a MultiPolygon needs at least one polygon"),
                Arguments.of("a broken second part", "{\"type\":\"MultiPolygon\",\"coordinates\":[[" + SQUARE + "],[[[113.3,35.4]]]]}",
                        "polygon 2, exterior ring has 1 positions"),
                Arguments.of("overlapping parts", "{\"type\":\"MultiPolygon\",\"coordinates\":[[" + SQUARE + "],"
                        + "[[[113.2005,35.4],[113.2015,35.4],[113.2015,35.401],[113.2005,35.401],[113.2005,35.4]]]]}",
                        "is not a valid polygon: self-intersection"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void every_broken_rule_is_one_violation_on_geometry_saying_what_is_wrong(String what, String geoJson, String message) {
        ProblemException e = assertThrows(ProblemException.class, () -> PlotGeometry.parse(json(geoJson)));
        assertEquals(400, e.status());
        assertEquals(1, e.violations().size(), () -> e.violations().toString());
        assertEquals(PlotGeometry.FIELD, e.violations().get(0).field());
        assertTrue(e.violations().get(0).message().contains(message),
                () -> "expected \"" + message + "\" in \"" + e.violations().get(0).message() + "\"");
    }

    @Test
    void a_missing_geometry_is_a_violation_too() {
        for (JsonNode missing : new JsonNode[] {null, NullNode.getInstance()}) {
            ProblemException e = assertThrows(ProblemException.class, () -> PlotGeometry.parse(missing));
            assertEquals("must not be null", e.violations().get(0).message());
        }
    }

    @Test
    void at_most_ten_thousand_positions() {
        // A valid ring of 10 001 positions (a regular polygon) in Xiuwu.
        List<List<Double>> ring = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            double angle = 2 * Math.PI * i / 10_000;
            ring.add(List.of(113.3 + 0.01 * Math.cos(angle), 35.3 + 0.01 * Math.sin(angle)));
        }
        ring.add(ring.get(0));
        JsonNode geometry = JSON.valueToTree(java.util.Map.of("type", "Polygon", "coordinates", List.of(ring)));
        ProblemException e = assertThrows(ProblemException.class, () -> PlotGeometry.parse(geometry));
        assertEquals("has more than 10000 positions", e.violations().get(0).message());

        List<List<Double>> smaller = new ArrayList<>(ring.subList(0, 9_999));
        smaller.add(smaller.get(0));
        assertEquals(10_000, PlotGeometry.parse(JSON.valueToTree(java.util.Map.of("type", "Polygon",
                "coordinates", List.of(smaller)))).geometry().getNumPoints());
    }

    @Test
    void a_valid_polygon_keeps_its_positions_as_longitude_latitude_and_gets_its_area() {
        PlotGeometry geometry = PlotGeometry.parse(json(polygon(SQUARE)));
        assertEquals("Polygon", geometry.geometry().getGeometryType());
        assertEquals(113.2, geometry.geometry().getCoordinates()[0].x);
        assertEquals(35.4, geometry.geometry().getCoordinates()[0].y);
        assertEquals(4326, geometry.geometry().getSRID());
        assertEquals(GeodesicArea.hectares(geometry.geometry()), geometry.areaHa());
        assertEquals(1.01, geometry.areaHa(), 0.01); // 0.001° × 0.001° at 35.4° N
    }

    @Test
    void an_altitude_is_ignored_and_a_clockwise_ring_is_accepted() {
        PlotGeometry withAltitude = PlotGeometry.parse(json(polygon(
                "[[113.2,35.4,120.5],[113.201,35.4,121],[113.201,35.401,119],[113.2,35.401,118],[113.2,35.4,120.5]]")));
        PlotGeometry clockwise = PlotGeometry.parse(json(polygon(
                "[[113.2,35.4],[113.2,35.401],[113.201,35.401],[113.201,35.4],[113.2,35.4]]")));
        double expected = PlotGeometry.parse(json(polygon(SQUARE))).areaHa();
        assertEquals(expected, withAltitude.areaHa(), 1e-9);
        assertEquals(expected, clockwise.areaHa(), 1e-9);
    }

    @Test
    void a_hole_inside_and_a_second_part_apart_are_accepted() {
        String hole = "[[113.20025,35.40025],[113.20075,35.40025],[113.20075,35.40075],[113.20025,35.40075],[113.20025,35.40025]]";
        String apart = "[[113.2012,35.4],[113.2017,35.4],[113.2017,35.4005],[113.2012,35.4005],[113.2012,35.4]]";
        PlotGeometry multi = PlotGeometry.parse(json("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + SQUARE + "," + hole
                + "],[" + apart + "]]}"));
        assertEquals(2, multi.geometry().getNumGeometries());
        assertTrue(multi.areaHa() > 0);
    }

    @Test
    void a_point_on_the_edge_of_the_area_box_is_inside() {
        // lat 34.5–35.8, lon 112.2–114.0 (JiaozuoArea); the corner itself belongs to it.
        PlotGeometry corner = PlotGeometry.parse(json(polygon(
                "[[112.2,34.5],[112.201,34.5],[112.201,34.501],[112.2,34.501],[112.2,34.5]]")));
        assertTrue(corner.areaHa() > 0);
    }
}
