package cn.jiaozuo.biodiversity.patrol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.patrol.domain.GeodesicDistance;
import java.util.Random;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;

/** The service's Vincenty distances against Karney's geodesics (GeographicLib) and a published distance. */
class GeodesicDistanceTest {

    @Test
    void legs_across_jiaozuo_agree_with_geographiclib_to_a_tenth_of_a_millimetre() {
        Random random = new Random(20250514);
        for (int i = 0; i < 10_000; i++) {
            double lat1 = 34.5 + random.nextDouble() * 1.3;
            double lon1 = 112.2 + random.nextDouble() * 1.8;
            // GPS legs (metres) and whole-county spans (tens of km)
            double spread = i % 2 == 0 ? 0.001 : 0.5;
            double lat2 = lat1 + (random.nextDouble() - 0.5) * spread;
            double lon2 = lon1 + (random.nextDouble() - 0.5) * spread;
            double expected = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12;
            assertEquals(expected, GeodesicDistance.metres(lat1, lon1, lat2, lon2), 1e-4,
                    "from " + lat1 + "," + lon1 + " to " + lat2 + "," + lon2);
        }
    }

    @Test
    void flinders_peak_to_buninyong_is_vincentys_published_54972_271_m() {
        // Vincenty (1975) / Geoscience Australia's worked example, on the GRS80 ellipsoid that WGS-84 matches to 0.1 mm here.
        double lat1 = -(37 + 57 / 60.0 + 3.72030 / 3600);
        double lon1 = 144 + 25 / 60.0 + 29.52440 / 3600;
        double lat2 = -(37 + 39 / 60.0 + 10.15610 / 3600);
        double lon2 = 143 + 55 / 60.0 + 35.38390 / 3600;
        assertEquals(54_972.271, GeodesicDistance.metres(lat1, lon1, lat2, lon2), 0.001);
    }

    @Test
    void long_and_degenerate_pairs_are_measured_too() {
        assertEquals(0, GeodesicDistance.metres(35.2, 113.2, 35.2, 113.2));
        assertEquals(Geodesic.WGS84.Inverse(0, 0, 0, 90).s12, GeodesicDistance.metres(0, 0, 0, 90), 1e-3, "along the equator");
        assertEquals(Geodesic.WGS84.Inverse(35.2, 113.2, 40.0, -74.0).s12, GeodesicDistance.metres(35.2, 113.2, 40.0, -74.0), 1e-3,
                "Jiaozuo to New York");
        // Nearly antipodal: Vincenty does not converge; the great circle is within 0.5 %.
        double antipodal = Geodesic.WGS84.Inverse(0, 0, 0.5, 179.7).s12;
        assertEquals(antipodal, GeodesicDistance.metres(0, 0, 0.5, 179.7), antipodal * 0.005);
    }
}
