package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.freshCorner;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.ring;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.square;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.domain.GeodesicArea;
import cn.jiaozuo.biodiversity.plot.domain.PlotGeometry;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * The geodesic area of a plot on the WGS-84 ellipsoid. References are computed independently of the
 * service's method (authalic latitude): the area of a latitude/longitude cell is
 * Δλ · ∫ M(φ)·N(φ)·cos φ dφ, with M and N the meridional and prime-vertical radii of curvature,
 * integrated here with Simpson's rule.
 */
@QuarkusTest
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
        return sum * h / 3 * Math.toRadians(dLon) / 10_000;
    }

    private static Polygon cell(double lon, double lat, double size) {
        return PlotGeometry.FACTORY.createPolygon(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + size, lat),
                new Coordinate(lon + size, lat + size), new Coordinate(lon, lat + size), new Coordinate(lon, lat)});
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

    @Test
    void a_hundredth_degree_square_at_35_north_is_about_101_hectares() {
        assertWithin(cellHectares(35.0, 35.01, 0.01), GeodesicArea.hectares(cell(113.0, 35.0, 0.01)), 0.005);
    }

    @Test
    void a_one_degree_cell_at_35_north_matches_the_ellipsoid() {
        assertWithin(cellHectares(35.0, 36.0, 1.0), GeodesicArea.hectares(cell(112.0, 35.0, 1.0)), 0.005);
    }

    @Test
    void a_one_degree_cell_at_the_equator_matches_the_ellipsoid() {
        // A sphere of the mean radius would give 1 236 000 ha here; the ellipsoid gives about 1 230 846 ha.
        assertWithin(cellHectares(0.0, 1.0, 1.0), GeodesicArea.hectares(cell(10.0, 0.0, 1.0)), 0.005);
    }

    @Test
    void the_ring_direction_does_not_change_the_area() {
        Polygon clockwise = (Polygon) cell(113.0, 35.0, 0.01).reverse();
        assertWithin(cellHectares(35.0, 35.01, 0.01), GeodesicArea.hectares(clockwise), 0.005);
    }

    @Test
    void the_service_reports_the_area_of_a_created_plot() {
        double[] c = freshCorner();
        double expected = cellHectares(c[1], c[1] + 0.001, 0.001);
        double areaHa = given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json")
                .body(plotBody("410822", square(c[0], c[1], 0.001))).when().post("/plots")
                .then().statusCode(201).extract().jsonPath().getDouble("areaHa");
        assertWithin(expected, areaHa, 0.005);
    }

    @Test
    void holes_are_subtracted_and_multipolygon_parts_added() throws Exception {
        double[] c = freshCorner();
        // Part 1: 0.001° square with a 0.0005° hole; part 2: a separate 0.0005° square.
        Map<String, Object> geometry = Map.of("type", "MultiPolygon", "coordinates", List.of(
                List.of(ring(c[0], c[1], 0.001), ring(c[0] + 0.00025, c[1] + 0.00025, 0.0005)),
                List.of(ring(c[0] + 0.0012, c[1], 0.0005))));
        double expected = cellHectares(c[1], c[1] + 0.001, 0.001) - cellHectares(c[1] + 0.00025, c[1] + 0.00075, 0.0005)
                + cellHectares(c[1], c[1] + 0.0005, 0.0005);
        double computed = GeodesicArea.hectares(PlotGeometry.parse(new ObjectMapper().valueToTree(geometry)).geometry());
        assertWithin(expected, computed, 0.005);
    }
}
