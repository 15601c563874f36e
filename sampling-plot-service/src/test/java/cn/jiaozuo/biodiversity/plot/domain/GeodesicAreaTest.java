package cn.jiaozuo.biodiversity.plot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The geodesic area of a plot on the WGS-84 ellipsoid. References are computed independently of the
 * service's method (authalic latitude): the area of a latitude/longitude cell is
 * Δλ · ∫ M(φ)·N(φ)·cos φ dφ, with M and N the meridional and prime-vertical radii of curvature,
 * integrated here with Simpson's rule. Plain JUnit: the computation is a pure function.
 */
class GeodesicAreaTest {

    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257_223_563;
    private static final double E2 = F * (2 - F);

    /** Area in hectares of the cell [lat1, lat2] × Δlon degrees, by numeric integration. */
    static double cellHectares(double lat1, double lat2, double dLon) {
        int n = 2_000;
        double p1 = Math.toRadians(lat1);
        double h = (Math.toRadians(lat2) - p1) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double phi = p1 + i * h;
            double w = Math.sqrt(1 - E2 * Math.sin(phi) * Math.sin(phi));
            double m = A * (1 - E2) / (w * w * w);
            double nRadius = A / w;
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * m * nRadius * Math.cos(phi);
        }
        return Math.abs(sum * h / 3 * Math.toRadians(dLon) / 10_000);
    }

    private static LinearRing ring(double lon, double lat, double size) {
        return PlotGeometry.FACTORY.createLinearRing(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + size, lat),
                new Coordinate(lon + size, lat + size), new Coordinate(lon, lat + size), new Coordinate(lon, lat)});
    }

    private static Polygon cell(double lon, double lat, double size) {
        return PlotGeometry.FACTORY.createPolygon(ring(lon, lat, size));
    }

    private static void assertWithin(double expected, double actual, double relative) {
        assertEquals(expected, actual, expected * relative, () -> "expected " + expected + " ha, got " + actual);
    }

    @Test
    void the_reference_method_itself_matches_a_hand_computed_value() {
        // By hand at the mid-latitude 35.005° N: M = a(1−e²)/(1−e²sin²φ)^1.5 ≈ 6 356 432 m and
        // N = a/(1−e²sin²φ)^0.5 ≈ 6 385 174 m, so the cell is M·Δφ ≈ 1109.41 m by N·cosφ·Δλ ≈ 912.83 m,
        // 1 012 695 m² ≈ 101.27 ha (the authalic sphere, R = 6 371 007.2 m, gives 101.28 ha).
        assertWithin(101.27, cellHectares(35.0, 35.01, 0.01), 0.001);
    }

    @ParameterizedTest(name = "a {2}° cell at lon {0}, lat {1}")
    @CsvSource(textBlock = """
            113.0,   35.0,  0.01
            112.0,   35.0,  1.0
            113.2,   35.4,  0.001
            113.2,   35.4,  0.0001
            10.0,    0.0,   1.0
            10.0,   -1.0,   1.0
            113.0,  -35.01, 0.01
            25.0,    59.5,  0.5
            -70.0,   80.0,  1.0
            179.5,   35.0,  0.5
            """)
    void a_cell_matches_the_ellipsoid_anywhere(double lon, double lat, double size) {
        // At the equator a sphere of the mean radius would be 0.4 % off (1 236 000 ha instead of about 1 230 846 ha).
        assertWithin(cellHectares(lat, lat + size, size), GeodesicArea.hectares(cell(lon, lat, size)), 0.001);
    }

    @Test
    void a_hundredth_degree_square_at_35_north_is_about_101_hectares() {
        assertEquals(101.27, GeodesicArea.hectares(cell(113.0, 35.0, 0.01)), 0.01);
    }

    @Test
    void the_ring_direction_does_not_change_the_area() {
        Polygon counterClockwise = cell(113.0, 35.0, 0.01);
        Polygon clockwise = (Polygon) counterClockwise.reverse();
        assertEquals(GeodesicArea.hectares(counterClockwise), GeodesicArea.hectares(clockwise), 1e-9);
    }

    @Test
    void the_starting_vertex_does_not_change_the_area() {
        Polygon rotated = PlotGeometry.FACTORY.createPolygon(new Coordinate[] {new Coordinate(113.01, 35.0),
                new Coordinate(113.01, 35.01), new Coordinate(113.0, 35.01), new Coordinate(113.0, 35.0),
                new Coordinate(113.01, 35.0)});
        assertEquals(GeodesicArea.hectares(cell(113.0, 35.0, 0.01)), GeodesicArea.hectares(rotated), 1e-9);
    }

    @Test
    void holes_are_subtracted_and_multipolygon_parts_added() {
        Polygon withHole = PlotGeometry.FACTORY.createPolygon(ring(113.2, 35.4, 0.001),
                new LinearRing[] {ring(113.20025, 35.40025, 0.0005)});
        Geometry multi = PlotGeometry.FACTORY.createMultiPolygon(new Polygon[] {withHole, cell(113.2012, 35.4, 0.0005)});
        double expected = cellHectares(35.4, 35.401, 0.001) - cellHectares(35.40025, 35.40075, 0.0005)
                + cellHectares(35.4, 35.4005, 0.0005);
        assertWithin(expected, GeodesicArea.hectares(multi), 0.001);
    }

    @Test
    void a_degenerate_ring_has_no_area() {
        LinearRing line = PlotGeometry.FACTORY.createLinearRing(new Coordinate[] {new Coordinate(113.0, 35.0),
                new Coordinate(113.01, 35.0), new Coordinate(113.02, 35.0), new Coordinate(113.0, 35.0)});
        assertEquals(0.0, GeodesicArea.ringArea(line), 1e-9);
    }

    @ParameterizedTest(name = "sin β at {0}° is {1}")
    @CsvSource(textBlock = """
            0,    0
            90,   1
            -90, -1
            """)
    void the_authalic_latitude_agrees_at_the_equator_and_the_poles(double degrees, double sinBeta) {
        assertEquals(sinBeta, GeodesicArea.sinAuthalic(Math.toRadians(degrees)), 1e-12);
    }

    @ParameterizedTest(name = "±{0}°")
    @CsvSource({"10", "35", "35.4", "60", "89.9"})
    void the_authalic_latitude_is_symmetric_about_the_equator_and_lower_than_the_geodetic(double degrees) {
        double phi = Math.toRadians(degrees);
        assertEquals(-GeodesicArea.sinAuthalic(phi), GeodesicArea.sinAuthalic(-phi), 1e-15);
        // On an oblate ellipsoid the authalic latitude lies between the equator and the geodetic latitude.
        assertTrue(GeodesicArea.sinAuthalic(phi) < Math.sin(phi), "at " + degrees + "°");
    }

    @Test
    void the_authalic_radius_is_that_of_wgs_84() {
        assertEquals(6_371_007.18, GeodesicArea.AUTHALIC_RADIUS, 0.01);
    }
}
