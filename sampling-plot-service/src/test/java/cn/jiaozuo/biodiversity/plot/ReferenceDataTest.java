package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.retire;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counties and protected areas: seeded by Flyway, public, and equal to the shared JiaozuoCounty enum. */
@QuarkusTest
class ReferenceDataTest {

    @Test
    void counties_equal_the_shared_enum_so_the_two_never_drift() {
        JsonPath body = given().when().get("/counties").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> served = body.getList("$");
        List<JiaozuoCounty> expected = Arrays.stream(JiaozuoCounty.values())
                .sorted(Comparator.comparing(JiaozuoCounty::code)).toList();
        assertEquals(expected.size(), served.size());
        for (int i = 0; i < expected.size(); i++) {
            JiaozuoCounty c = expected.get(i);
            Map<String, Object> s = served.get(i);
            assertEquals(c.code(), s.get("code"));
            assertEquals(c.chineseName(), s.get("chineseName"));
            assertEquals(c.englishName(), s.get("englishName"));
            assertEquals(c.priorityArea() == null ? null : c.priorityArea().name(), s.get("priorityArea"));
            assertEquals(c.priorityArea() == null ? null : c.priorityArea().chineseName(), s.get("priorityAreaName"));
        }
    }

    @Test
    void one_county_by_code_is_public() {
        given().when().get("/counties/410883").then().statusCode(200)
                .body("chineseName", equalTo("孟州市")).body("priorityArea", equalTo("YELLOW_RIVER"));
    }

    @Test
    void an_unknown_county_code_is_a_404_problem() {
        given().when().get("/counties/410899").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void the_six_protected_areas_of_the_plan_are_listed_with_their_counties() {
        given().when().get("/protected-areas").then().statusCode(200)
                .body("$", hasSize(6))
                .body("id", containsInAnyOrder("taihang-macaque-nnr", "yellow-river-wetland-nnr", "yuntaishan-forest-park",
                        "yuntaishan-geopark", "jiayingguan-wetland-park", "wenxian-wetland-park"))
                .body("find { it.id == 'taihang-macaque-nnr' }.countyCodes", containsInAnyOrder("410821", "410822", "410803", "410882"))
                .body("find { it.id == 'yellow-river-wetland-nnr' }.countyCodes", contains("410883"))
                .body("find { it.id == 'yuntaishan-forest-park' }.countyCodes", contains("410821"))
                .body("find { it.id == 'jiayingguan-wetland-park' }.countyCodes", contains("410823"))
                .body("find { it.id == 'wenxian-wetland-park' }.countyCodes", contains("410825"))
                .body("find { it.id == 'wenxian-wetland-park' }.level", equalTo("PROVINCIAL"));
    }

    @Test
    void the_macaque_reserve_lies_in_the_four_taihang_counties_the_plan_names_including_zhongzhan() {
        // The plan: 河南太行山猕猴国家级自然保护区 … 涉及焦作的修武县、博爱县、中站区、沁阳市.
        given().when().get("/protected-areas").then().statusCode(200)
                .body("find { it.id == 'taihang-macaque-nnr' }.countyCodes", containsInAnyOrder("410821", "410822", "410803", "410882"));

        Map<String, Object> body = plotBody("410803");
        body.put("protectedAreaId", "taihang-macaque-nnr");
        String code = createPlot(body);
        try {
            given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/plots/" + code).then()
                    .statusCode(200).body("countyCode", equalTo("410803")).body("protectedAreaId", equalTo("taihang-macaque-nnr"));
        } finally {
            retire(code);
        }
    }
}
