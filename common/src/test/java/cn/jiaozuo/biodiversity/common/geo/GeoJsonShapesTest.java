package cn.jiaozuo.biodiversity.common.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Plot geometries from the plots topic read into JTS, without a service: what is built, and what is refused. */
class GeoJsonShapesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A square plot 35.30–35.40 N, 113.30–113.40 E with a hole 35.34–35.36 N, 113.34–113.36 E. */
    static final String SQUARE_WITH_HOLE = """
            {"type": "Polygon", "coordinates": [
              [[113.30, 35.30], [113.40, 35.30], [113.40, 35.40], [113.30, 35.40], [113.30, 35.30]],
              [[113.34, 35.34], [113.36, 35.34], [113.36, 35.36], [113.34, 35.36], [113.34, 35.34]]]}""";
    static final String TWO_SQUARES = """
            {"type": "MultiPolygon", "coordinates": [
              [[[113.30, 35.30], [113.31, 35.30], [113.31, 35.31], [113.30, 35.31], [113.30, 35.30]]],
              [[[112.90, 35.00], [112.91, 35.00], [112.91, 35.01], [112.90, 35.01], [112.90, 35.00]]]]}""";

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @ParameterizedTest(name = "{0}, {1} in the square with a hole: {2}")
    @CsvSource({
        "35.32, 113.32, true",
        "35.35, 113.35, false", // in the hole
        "35.30, 113.35, true", // on the outer edge: covered
        "35.34, 113.35, true", // on the hole's edge: still covered
        "35.41, 113.35, false",
        "113.35, 35.35, false"}) // swapped
    void a_polygon_with_a_hole_covers_what_lies_in_it(double lat, double lon, boolean covered) throws Exception {
        Geometry plot = GeoJsonShapes.parse(json(SQUARE_WITH_HOLE));
        assertEquals(covered, plot.covers(GeoJsonShapes.point(lat, lon)));
    }

    @ParameterizedTest(name = "{0}, {1} in either square: {2}")
    @CsvSource({"35.305, 113.305, true", "35.005, 112.905, true", "35.15, 113.10, false"})
    void a_multipolygon_covers_each_of_its_parts(double lat, double lon, boolean covered) throws Exception {
        assertEquals(covered, GeoJsonShapes.parse(json(TWO_SQUARES)).covers(GeoJsonShapes.point(lat, lon)));
    }

    @Test
    void positions_are_lon_lat_in_wgs84() {
        Point p = GeoJsonShapes.point(35.35, 113.35);
        assertEquals(113.35, p.getX());
        assertEquals(35.35, p.getY());
        assertEquals(4326, p.getSRID());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "null",
        "\"Polygon\"",
        "{\"type\": \"Point\", \"coordinates\": [113.3, 35.3]}",
        "{\"type\": \"Polygon\"}",
        "{\"type\": \"Polygon\", \"coordinates\": []}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[113.3, 35.3], [113.4, 35.3], [113.3, 35.3]]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[113.3, 35.3], [113.4, 35.3], [113.4, 35.4], [113.3, 35.4]]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[113.3, 35.3], [113.4, 35.3], [113.4, \"35.4\"], [113.3, 35.3]]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[113.3], [113.4, 35.3], [113.4, 35.4], [113.3, 35.3]]]}",
        "{\"type\": \"MultiPolygon\", \"coordinates\": []}",
        "{\"type\": \"MultiPolygon\", \"coordinates\": [[]]}"})
    void what_cannot_be_built_is_refused(String geometry) throws Exception {
        // Too few positions, an open ring, a position that is not [lon, lat] numbers, no rings, another type.
        assertThrows(IllegalArgumentException.class, () -> GeoJsonShapes.parse(json(geometry)));
    }

    @Test
    void a_missing_geometry_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> GeoJsonShapes.parse(null));
    }

    @Test
    void a_polygon_that_crosses_itself_is_refused() throws Exception {
        // It has no area to split a track by or to cover a point with: the event goes to the dead-letter topic.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeoJsonShapes.parse(json("""
                {"type": "Polygon", "coordinates": [[[113.3, 35.3], [113.4, 35.4], [113.4, 35.3], [113.3, 35.4], [113.3, 35.3]]]}""")));
        assertTrue(e.getMessage().contains("not a valid polygon"), e.getMessage());
    }

    @Test
    void swapped_or_impossible_positions_are_refused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> GeoJsonShapes.parse(json("""
                {"type": "Polygon", "coordinates": [[[35.3, 113.3], [35.3, 113.4], [35.4, 113.4], [35.3, 113.3]]]}""")));
    }
}
