package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Dates and durations beyond what PostgreSQL stores or Java's date arithmetic survives, and numbers in strings: a
 * 400 naming the field, never a 500 from the database or from "now minus silentFor".
 */
@QuarkusTest
class HostileInputTest {

    private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);

    @Test
    void a_silence_longer_than_a_century_is_a_400_on_silent_for() {
        for (String silentFor : List.of("P999999999999D", "P36501D", "PT0S", "-P1D", "P99999999999999999999D")) {
            given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).queryParam("silentFor", silentFor)
                    .when().get("/stations").then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("silentFor"));
        }
        given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).queryParam("silentFor", "P36500D")
                .when().get("/stations").then().statusCode(200);
    }

    @Test
    void a_station_installed_before_1900_is_a_400_on_installed_on() {
        String plot = createPlot("410821");
        for (String day : List.of("-999999999-01-01", "-4714-11-24", "1899-12-31")) {
            Map<String, Object> station = new HashMap<>();
            station.put("id", "CT-" + UUID.randomUUID());
            station.put("type", "CAMERA_TRAP");
            station.put("plotCode", plot);
            station.put("location", Map.of("lat", 35.41, "lon", 113.21));
            station.put("installedOn", day);
            given().header("Authorization", ADMIN).contentType("application/json").body(station)
                    .when().post("/stations").then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("installedOn"))
                    .body("violations[0].message", containsString("1900"));
        }
    }

    @Test
    void a_plot_established_or_surveyed_before_1900_is_a_400() {
        Map<String, Object> body = plotBody("410821");
        body.put("establishedOn", "-999999999-01-01");
        given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .when().post("/plots").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("establishedOn"));

        String plot = createPlot("410821");
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType("application/json")
                .body(Map.of("visitedOn", "-999999999-01-01", "team", "测试组", "method", "TRANSECT", "effortHours", 2.5))
                .when().post("/plots/" + plot + "/surveys").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("visitedOn"));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType("application/json")
                .body(Map.of("visitedOn", today().toString(), "team", "测试组", "method", "TRANSECT", "effortHours", "2.5"))
                .when().post("/plots/" + plot + "/surveys").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("effortHours"));
    }

    @Test
    void an_effort_with_more_than_two_decimals_or_an_extreme_exponent_is_a_400() {
        String plot = createPlot("410821");
        for (String effort : List.of("1e-999999999", "0.001", "2.555")) {
            given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType("application/json")
                    .body("{\"visitedOn\":\"" + today() + "\",\"team\":\"测试组\",\"method\":\"TRANSECT\",\"effortHours\":"
                            + effort + "}")
                    .when().post("/plots/" + plot + "/surveys").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("effortHours"));
        }
    }

    @Test
    void a_station_location_sent_as_strings_is_a_400() {
        String plot = createPlot("410821");
        Map<String, Object> station = new HashMap<>();
        station.put("id", "CT-" + UUID.randomUUID());
        station.put("type", "CAMERA_TRAP");
        station.put("plotCode", plot);
        station.put("location", Map.of("lat", "Infinity", "lon", 113.21));
        station.put("installedOn", today().toString());
        given().header("Authorization", ADMIN).contentType("application/json").body(station)
                .when().post("/stations").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("location.lat"));
    }
}
