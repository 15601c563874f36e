package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.retire;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.survey;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Survey visits: rangers record them on active plots; anyone signed in reads them, newest first. */
@QuarkusTest
class SurveyResourceTest {

    private static final String RANGER = TestTokens.bearer(Roles.RANGER, "ranger-li");

    private static Map<String, Object> visit(String visitedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("visitedOn", visitedOn);
        body.put("team", "修武县林业局监测二组");
        body.put("method", "TRANSECT");
        body.put("effortHours", 3.5);
        body.put("notes", "记录到猕猴群约20只");
        return body;
    }

    @Test
    void a_ranger_records_a_visit_and_it_is_listed_newest_first() {
        String code = createPlot("410821");
        given().header("Authorization", RANGER).contentType("application/json").body(visit(today().minusDays(10).toString()))
                .when().post("/plots/" + code + "/surveys").then().statusCode(201)
                .body("plotCode", equalTo(code)).body("recordedBy", equalTo("ranger-li"))
                .body("method", equalTo("TRANSECT")).body("effortHours", equalTo(3.5f));
        survey(code, today());
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/plots/" + code + "/surveys")
                .then().statusCode(200).body("$", hasSize(2))
                .body("visitedOn", contains(today().toString(), today().minusDays(10).toString()));
    }

    @Test
    void a_visit_in_the_future_is_rejected() {
        String code = createPlot("410821");
        given().header("Authorization", RANGER).contentType("application/json").body(visit(today().plusDays(2).toString()))
                .when().post("/plots/" + code + "/surveys").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("visitedOn"))
                .body("violations[0].message", containsString("must not be in the future"));
    }

    @Test
    void a_visit_before_the_plot_was_established_is_rejected() {
        Map<String, Object> body = plotBody("410821");
        body.put("establishedOn", today().minusDays(5).toString());
        String code = createPlot(body);
        given().header("Authorization", RANGER).contentType("application/json").body(visit(today().minusDays(6).toString()))
                .when().post("/plots/" + code + "/surveys").then().statusCode(400)
                .body("violations[0].field", equalTo("visitedOn"));
    }

    @Test
    void missing_and_invalid_fields_are_reported_together() {
        String code = createPlot("410821");
        Map<String, Object> body = visit(today().toString());
        body.remove("team");
        body.put("effortHours", -1);
        given().header("Authorization", RANGER).contentType("application/json").body(body)
                .when().post("/plots/" + code + "/surveys").then().statusCode(400)
                .body("violations.field", contains("effortHours", "team"));
    }

    @Test
    void a_nul_character_in_the_notes_is_a_400_on_notes() {
        String code = createPlot("410821");
        Map<String, Object> body = visit(today().toString());
        body.put("notes", "a\u0000b");
        given().header("Authorization", RANGER).contentType("application/json").body(body)
                .when().post("/plots/" + code + "/surveys").then().statusCode(400)
                .body("violations.field", contains("notes"));
    }

    @Test
    void a_retired_plot_takes_no_more_visits_but_keeps_its_old_ones() {
        String code = createPlot("410821");
        survey(code, today().minusDays(1));
        retire(code);
        given().header("Authorization", RANGER).contentType("application/json").body(visit(today().toString()))
                .when().post("/plots/" + code + "/surveys").then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", RANGER).when().get("/plots/" + code + "/surveys").then().statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void a_visit_to_an_unknown_plot_is_a_404() {
        given().header("Authorization", RANGER).contentType("application/json").body(visit(today().toString()))
                .when().post("/plots/410821-9999/surveys").then().statusCode(404);
    }

    @Test
    void only_rangers_record_visits() {
        String code = createPlot("410821");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json").body(visit(today().toString()))
                .when().post("/plots/" + code + "/surveys").then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body(visit(today().toString()))
                .when().post("/plots/" + code + "/surveys").then().statusCode(401);
    }
}
