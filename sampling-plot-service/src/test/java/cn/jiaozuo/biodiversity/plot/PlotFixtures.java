package cn.jiaozuo.biodiversity.plot;

import static io.restassured.RestAssured.given;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies and set-up calls shared by the plot specifications; every plot gets a fresh place and name. */
final class PlotFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PlotFixtures() {
    }

    /** A GeoJSON Polygon: the axis-aligned square with south-west corner (lon, lat), counter-clockwise. */
    static Map<String, Object> square(double lon, double lat, double size) {
        return Map.of("type", "Polygon", "coordinates", List.of(ring(lon, lat, size)));
    }

    static List<List<Double>> ring(double lon, double lat, double size) {
        return List.of(List.of(lon, lat), List.of(lon + size, lat), List.of(lon + size, lat + size),
                List.of(lon, lat + size), List.of(lon, lat));
    }

    /**
     * A south-west corner no other test is likely to use: a random point on a 0.002° grid inside Jiaozuo's box,
     * so squares of up to 0.001° never overlap each other's interiors by accident.
     */
    static double[] freshCorner() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        double lon = 112.30 + r.nextInt(0, 790) * 0.002;
        double lat = 34.60 + r.nextInt(0, 540) * 0.002;
        return new double[] {round(lon), round(lat)};
    }

    static double round(double v) {
        return Math.round(v * 1_000_000.0) / 1_000_000.0;
    }

    /** A valid create body in the given county; change fields with {@code body.put(...)}. */
    static Map<String, Object> plotBody(String countyCode, Map<String, Object> geometry) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "样地 " + UUID.randomUUID());
        body.put("countyCode", countyCode);
        body.put("ecosystem", "FOREST");
        body.put("geometry", geometry);
        body.put("methods", List.of("QUADRAT", "CAMERA_TRAP_GRID"));
        return body;
    }

    static Map<String, Object> plotBody(String countyCode) {
        double[] c = freshCorner();
        return plotBody(countyCode, square(c[0], c[1], 0.001));
    }

    /** Creates a plot as admin and returns its code. */
    static String createPlot(Map<String, Object> body) {
        return given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json")
                .body(body).when().post("/plots").then().statusCode(201).extract().path("code");
    }

    static String createPlot(String countyCode) {
        return createPlot(plotBody(countyCode));
    }

    static void retire(String code) {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).when().delete("/plots/" + code)
                .then().statusCode(204);
    }

    static void survey(String code, LocalDate visitedOn) {
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType("application/json")
                .body(Map.of("visitedOn", visitedOn.toString(), "team", "测试组", "method", "TRANSECT", "effortHours", 2.5))
                .when().post("/plots/" + code + "/surveys").then().statusCode(201);
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
