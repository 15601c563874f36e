package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: admins write plots and stations, rangers record visits, any signed-in caller reads plots,
 * surveys and coverage (stations only reviewers, admins and the station itself: {@link StationBindingTest}),
 * reference data is public.
 */
@QuarkusTest
class PlotSecurityTest {

    @Test
    void reading_plots_needs_a_token() {
        given().when().get("/plots").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        given().when().get("/plots/locate?lat=35.2&lon=113.2").then().statusCode(401);
        given().when().get("/coverage").then().statusCode(401);
        given().when().get("/stations").then().statusCode(401);
    }

    @Test
    void a_token_signed_by_an_unknown_key_is_rejected() {
        given().header("Authorization", "Bearer " + TestTokens.foreignToken(Roles.ADMIN)).contentType("application/json")
                .body(plotBody("410821")).when().post("/plots").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void only_admins_create_change_and_retire_plots() {
        for (String role : new String[] {Roles.RANGER, Roles.STATION, Roles.REVIEWER, Roles.BUREAU}) {
            given().header("Authorization", TestTokens.bearer(role)).contentType("application/json").body(plotBody("410821"))
                    .when().post("/plots").then().statusCode(403).contentType("application/problem+json");
        }
        String code = createPlot("410821");
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json").body(plotBody("410821"))
                .when().put("/plots/" + code).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).when().delete("/plots/" + code).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).when().get("/plots/" + code).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void only_admins_register_stations() {
        given().header("Authorization", TestTokens.bearer(Roles.STATION)).contentType("application/json")
                .body("{\"id\":\"CT-1\",\"type\":\"CAMERA_TRAP\",\"plotCode\":\"410821-01\",\"location\":{\"lat\":35.4,\"lon\":113.2},\"installedOn\":\"2025-01-01\"}")
                .when().post("/stations").then().statusCode(403);
    }

    @Test
    void counties_and_protected_areas_are_public() {
        given().when().get("/counties").then().statusCode(200);
        given().when().get("/protected-areas").then().statusCode(200);
    }
}
