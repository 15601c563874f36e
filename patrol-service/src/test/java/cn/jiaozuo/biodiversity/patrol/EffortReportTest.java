package cn.jiaozuo.biodiversity.patrol;

import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.patrol;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.post;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.ranger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /patrol-effort: km, hours, patrols and incidents by type per county, month and ranger. */
@QuarkusTest
class EffortReportTest {

    private static JsonPath report(OffsetDateTime from, OffsetDateTime to, String groupBy) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("groupBy", groupBy).when().get("/patrol-effort").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void effort_is_summed_by_county_month_and_ranger() {
        OffsetDateTime evening = PatrolFixtures.randomMonthEnd();
        String a = ranger();
        String b = ranger();
        Map<String, Object> first = patrol(a, evening);
        first.put("team", List.of(a));
        Map<String, Object> second = patrol(b, evening.plusMinutes(30));
        second.put("team", List.of(a, b));
        List<Object> incidents = new ArrayList<>((List<?>) second.get("incidents"));
        Map<String, Object> fire = new java.util.HashMap<>(PatrolFixtures.incident(evening.plusMinutes(30)));
        fire.put("type", "FIRE");
        incidents.add(fire);
        second.put("incidents", incidents);
        Map<String, Object> third = patrol(b, evening.plusHours(2).plusMinutes(30)); // after midnight: the next month
        third.put("countyCode", "410883");
        third.put("team", List.of(b));
        double km = 0;
        for (Map<String, Object> body : List.of(first, second, third)) {
            String ranger = ((List<?>) body.get("team")).get(0).toString();
            km += post(ranger, body).statusCode(201).extract().jsonPath().getDouble("effort.distanceKm");
        }
        OffsetDateTime from = evening;
        OffsetDateTime to = evening.plusHours(3);

        JsonPath county = report(from, to, "county");
        assertEquals(List.of("410821", "410883"), county.getList("groups.key"));
        assertEquals(2, county.getInt("groups[0].patrols"));
        assertEquals(2, county.getInt("groups[0].incidentsByType.SNARE"));
        assertEquals(1, county.getInt("groups[0].incidentsByType.FIRE"));
        assertEquals(0, county.getInt("groups[0].incidentsByType.TRAP"));
        assertEquals(1, county.getInt("groups[1].patrols"));
        assertEquals(3, county.getInt("total.patrols"));
        assertEquals(1.0, county.getDouble("total.hours"), 1e-9, "three patrols of 20 minutes");
        assertEquals(km, county.getDouble("total.distanceKm"), 0.0015);

        JsonPath month = report(from, to, "month");
        String thisMonth = YearMonth.from(evening).toString();
        assertEquals(List.of(thisMonth, YearMonth.from(evening).plusMonths(1).toString()), month.getList("groups.key"));
        assertEquals(2, month.getInt("groups[0].patrols"));

        JsonPath rangers = report(from, to, "ranger");
        assertEquals(List.of(a, b).stream().sorted().toList(), rangers.getList("groups.key"));
        int aIndex = rangers.getList("groups.key").indexOf(a);
        assertEquals(2, rangers.getInt("groups[" + aIndex + "].patrols"), "a was on the first two patrols");
        assertEquals(2, rangers.getInt("groups[" + (1 - aIndex) + "].patrols"), "b was on the last two");
    }

    @Test
    void the_window_and_grouping_are_checked() {
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).when().get("/patrol-effort").then().statusCode(400)
                .body("violations.field", hasItems("from", "to", "groupBy"));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).queryParam("from", "2024-01-01T00:00:00+08:00")
                .queryParam("to", "2025-06-01T00:00:00+08:00").queryParam("groupBy", "COUNTY").when().get("/patrol-effort").then()
                .statusCode(400).body("violations.field", equalTo(List.of("groupBy", "to")))
                .body("violations[0].message", containsString("county, month, ranger"));
        given().header("Authorization", TestTokens.bearer(Roles.STATION)).queryParam("from", "2025-05-01T00:00:00+08:00")
                .queryParam("to", "2025-06-01T00:00:00+08:00").queryParam("groupBy", "county").when().get("/patrol-effort").then()
                .statusCode(403);
    }
}
