package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.retire;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.survey;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.domain.CoverageService;
import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /coverage}: per county the active plots, whether the plan's 1–2 plots per priority-area
 * county are met, the newest visit and the overdue plots. Other tests add plots to the same counties,
 * so these assertions work on differences and on the plots this test made.
 */
@QuarkusTest
class CoverageTest {

    private static JsonPath coverage() {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/coverage")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> county(JsonPath coverage, String code) {
        return coverage.getMap("find { it.countyCode == '" + code + "' }");
    }

    @Test
    void there_is_one_entry_per_county_in_code_order() {
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/coverage").then().statusCode(200)
                .body("countyCode", contains("410802", "410803", "410804", "410811", "410821", "410822", "410823",
                        "410825", "410882", "410883"));
    }

    @Test
    void the_plot_rule_is_one_or_two_active_plots_in_priority_area_counties_and_none_elsewhere() {
        assertFalse(CoverageService.meetsRequirement(PriorityArea.TAIHANG, 0));
        assertTrue(CoverageService.meetsRequirement(PriorityArea.TAIHANG, 1));
        assertTrue(CoverageService.meetsRequirement(PriorityArea.YELLOW_RIVER, 2));
        assertFalse(CoverageService.meetsRequirement(PriorityArea.YELLOW_RIVER, 3));
        assertTrue(CoverageService.meetsRequirement(null, 0));
        Map<String, Object> urban = county(coverage(), "410802");
        assertEquals(true, urban.get("meetsPlotRequirement"));
        assertEquals(null, urban.get("requiredPlots"));
    }

    @Test
    void active_plots_count_and_the_requirement_follows_them() {
        String wen = "410825";
        int before = (int) county(coverage(), wen).get("activePlots");
        String added = createPlot(wen);
        Map<String, Object> after = county(coverage(), wen);
        assertEquals(before + 1, after.get("activePlots"));
        assertEquals(before + 1 >= 1 && before + 1 <= 2, after.get("meetsPlotRequirement"));
        assertEquals("1–2", after.get("requiredPlots"));
        retire(added);
        assertEquals(before, county(coverage(), wen).get("activePlots"));
    }

    @Test
    void a_plot_without_a_visit_within_its_interval_is_overdue_until_surveyed() {
        String qinyang = "410882";
        Map<String, Object> body = plotBody(qinyang);
        body.put("establishedOn", today().minusDays(100).toString());
        body.put("surveyIntervalDays", 30);
        String overdue = createPlot(body);
        Map<String, Object> fresh = plotBody(qinyang);
        fresh.put("establishedOn", today().minusDays(10).toString());
        fresh.put("surveyIntervalDays", 30);
        String notYet = createPlot(fresh);

        Map<String, Object> entry = county(coverage(), qinyang);
        List<String> codes = (List<String>) entry.get("overduePlotCodes");
        assertTrue(codes.contains(overdue));
        assertFalse(codes.contains(notYet));
        assertEquals(codes.size(), entry.get("overduePlots"));

        survey(overdue, today().minusDays(40)); // still older than 30 days
        assertTrue(((List<String>) county(coverage(), qinyang).get("overduePlotCodes")).contains(overdue));
        survey(overdue, today());
        Map<String, Object> surveyed = county(coverage(), qinyang);
        assertFalse(((List<String>) surveyed.get("overduePlotCodes")).contains(overdue));
        // Visits cannot lie in the future, so today is the newest any county can have.
        assertEquals(today().toString(), surveyed.get("lastSurveyOn"));
    }

    @Test
    void retired_plots_are_neither_counted_nor_overdue() {
        String mengzhou = "410883";
        Map<String, Object> body = plotBody(mengzhou);
        body.put("establishedOn", today().minusDays(400).toString());
        String code = createPlot(body);
        assertTrue(((List<String>) county(coverage(), mengzhou).get("overduePlotCodes")).contains(code));
        retire(code);
        assertFalse(((List<String>) county(coverage(), mengzhou).get("overduePlotCodes")).contains(code));
    }
}
