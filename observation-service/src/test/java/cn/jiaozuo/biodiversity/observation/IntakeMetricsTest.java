package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.batch;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The intake rate on /q/metrics: observations_recorded_total by source, new records only. */
@QuarkusTest
class IntakeMetricsTest {

    @Test
    void a_ranger_sighting_counts_once_and_its_replay_not_at_all() {
        double before = recorded("RANGER");
        Map<String, Object> body = sighting(MACAQUE);
        post(body, Roles.RANGER).statusCode(201);
        assertEquals(before + 1, recorded("RANGER"));

        post(body, Roles.RANGER).statusCode(200); // the same uuid again: a replay, nothing new stored
        assertEquals(before + 1, recorded("RANGER"));
    }

    @Test
    void a_station_batch_counts_its_stored_items_under_station() {
        double rangers = recorded("RANGER");
        double before = recorded("STATION");
        List<Object> items = List.of(sighting(MACAQUE), with(sighting(MACAQUE), "count", -1), sighting(MACAQUE));
        given().header("Authorization", TestTokens.bearer(Roles.STATION)).contentType(ContentType.JSON).body(batch(items))
                .when().post("/observations/batch").then().statusCode(200);
        assertEquals(before + 2, recorded("STATION"));
        assertEquals(rangers, recorded("RANGER"));
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body, String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then();
    }

    private static double recorded(String source) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^observations_recorded_total\\{[^}]*source=\"" + source + "\"[^}]*\\} (\\S+)$")
                .matcher(metrics);
        if (!m.find()) {
            throw new AssertionError("no observations_recorded_total for source " + source);
        }
        return Double.parseDouble(m.group(1));
    }
}
