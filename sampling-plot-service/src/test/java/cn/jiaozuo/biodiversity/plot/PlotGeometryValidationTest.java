package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.freshCorner;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.square;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
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
 * A plot's rules through {@code POST /plots}: a broken rule is a 400 problem with one violation per field, the
 * geometry's on {@code geometry} with a message saying what is wrong, and nothing is stored. Every geometry rule
 * is specified in PlotGeometryTest (plain JUnit); here a few show the way through the service.
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
    void a_ring_must_be_closed() {
        double[] c = freshCorner();
        List<List<Double>> open = List.of(List.of(c[0], c[1]), List.of(c[0] + 0.001, c[1]),
                List.of(c[0] + 0.001, c[1] + 0.001), List.of(c[0], c[1] + 0.001));
        rejected(geometry(Map.of("type", "Polygon", "coordinates", List.of(open))),
                "exterior ring is not closed: its first and last positions must be identical");
    }

    @Test
    void a_vertex_outside_jiaozuo_is_rejected() {
        // Beijing: a valid polygon, far from Jiaozuo.
        rejected(geometry(square(116.40, 39.90, 0.001)), "must lie in Jiaozuo or its surroundings");
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
    void an_unknown_county_and_a_broken_geometry_are_reported_together() {
        Map<String, Object> body = new HashMap<>(plotBody("110101"));
        body.put("geometry", square(116.40, 39.90, 0.001));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json").body(body)
                .when().post("/plots").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("countyCode", "geometry"));
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
