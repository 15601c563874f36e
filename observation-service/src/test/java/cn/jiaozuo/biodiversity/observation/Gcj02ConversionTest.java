package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.common.geo.Gcj02;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GCJ-02 points (Chinese map SDKs) are stored as WGS-84 within one metre of the true point. The
 * known pairs are made with the published forward transform, which is what the SDKs apply.
 */
@QuarkusTest
class Gcj02ConversionTest {

    /** WGS-84 points across Jiaozuo: 云台山, 焦作 city centre, 孟州 Yellow River shoals, 沁阳, 武陟. */
    private static final double[][] WGS84_POINTS = {
        {35.4278, 113.3914}, {35.2159, 113.2418}, {34.8956, 112.7876}, {35.0889, 112.9501}, {35.0991, 113.4032}};

    @Test
    void the_forward_shift_in_jiaozuo_is_a_few_hundred_metres() {
        for (double[] p : WGS84_POINTS) {
            Gcj02.LatLon gcj = Gcj02.fromWgs84(p[0], p[1]);
            double shift = Gcj02.distanceM(p[0], p[1], gcj.lat(), gcj.lon());
            assertTrue(shift > 100 && shift < 1000, "shift " + shift + " m at " + p[0] + "," + p[1]);
        }
    }

    @Test
    void the_inverse_recovers_each_known_point_within_one_metre() {
        for (double[] p : WGS84_POINTS) {
            Gcj02.LatLon gcj = Gcj02.fromWgs84(p[0], p[1]);
            Gcj02.LatLon back = Gcj02.toWgs84(gcj.lat(), gcj.lon());
            double error = Gcj02.distanceM(p[0], p[1], back.lat(), back.lon());
            assertTrue(error < 1.0, "error " + error + " m at " + p[0] + "," + p[1]);
        }
    }

    @Test
    void a_gcj02_observation_is_stored_in_wgs84_and_keeps_its_original_datum() {
        double[] truth = WGS84_POINTS[0];
        Gcj02.LatLon gcj = Gcj02.fromWgs84(truth[0], truth[1]);
        Map<String, Object> location = new HashMap<>();
        location.put("lat", gcj.lat());
        location.put("lon", gcj.lon());
        location.put("accuracyM", 5.0);
        location.put("datum", "GCJ02");
        Map<String, Object> body = with(sighting(MACAQUE), "location", location);

        JsonPath stored = given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON)
                .body(body).when().post("/observations").then().statusCode(201)
                .body("location.datum", equalTo("WGS84"))
                .body("location.originalDatum", equalTo("GCJ02"))
                .extract().jsonPath();
        double error = Gcj02.distanceM(truth[0], truth[1], stored.getDouble("location.lat"), stored.getDouble("location.lon"));
        assertTrue(error < 1.0, "stored point is " + error + " m from the true WGS-84 point");
    }

    @Test
    void a_wgs84_observation_is_stored_unchanged() {
        Map<String, Object> body = sighting(MACAQUE);
        @SuppressWarnings("unchecked")
        Map<String, Object> location = (Map<String, Object>) body.get("location");
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(201)
                .body("location.lat", equalTo(((Double) location.get("lat")).floatValue()))
                .body("location.originalDatum", equalTo("WGS84"));
    }
}
