package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.freshCorner;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.retire;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.square;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.domain.GeodesicArea;
import cn.jiaozuo.biodiversity.plot.domain.PlotGeometry;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Creating, reading, listing, changing and retiring plots through {@code /plots}. */
@QuarkusTest
class PlotResourceTest {

    private static final String ADMIN = TestTokens.bearer(Roles.ADMIN, "admin-wang");
    private static final String READER = TestTokens.bearer(Roles.BUREAU);

    @Test
    void a_created_plot_gets_a_county_code_and_is_readable() {
        double[] c = freshCorner();
        Map<String, Object> body = plotBody("410821", square(c[0], c[1], 0.001));
        body.put("protectedAreaId", "yuntaishan-forest-park");
        body.put("establishedOn", "2025-04-01");
        String code = given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .when().post("/plots").then().statusCode(201)
                .header("Location", containsString("/plots/410821-"))
                .body("code", matchesPattern("410821-\\d{2,}"))
                .body("status", equalTo("ACTIVE"))
                .body("priorityArea", equalTo("TAIHANG"))
                .body("surveyIntervalDays", equalTo(90))
                .body("geometry.type", equalTo("Polygon"))
                .extract().path("code");
        given().header("Authorization", READER).when().get("/plots/" + code).then().statusCode(200)
                .body("name", equalTo(body.get("name")))
                .body("protectedAreaId", equalTo("yuntaishan-forest-park"))
                .body("establishedOn", equalTo("2025-04-01"))
                .body("methods", contains("QUADRAT", "CAMERA_TRAP_GRID"))
                .body("geometry.coordinates[0]", hasSize(5));
    }

    @Test
    void a_created_plot_reports_its_geodesic_area_to_the_square_metre() {
        double[] c = freshCorner();
        Map<String, Object> geometry = square(c[0], c[1], 0.001);
        double expected = GeodesicArea.hectares(PlotGeometry.parse(new ObjectMapper().valueToTree(geometry)).geometry());
        double areaHa = given().header("Authorization", ADMIN).contentType("application/json")
                .body(plotBody("410822", geometry)).when().post("/plots")
                .then().statusCode(201).extract().jsonPath().getDouble("areaHa");
        assertEquals(Math.round(expected * 10_000.0) / 10_000.0, areaHa, 1e-9);
    }

    @Test
    void codes_are_sequential_per_county_and_unique_under_concurrent_creates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> createPlot("410804")));
            }
            Set<Integer> numbers = new HashSet<>();
            for (Future<String> f : futures) {
                String code = f.get();
                numbers.add(Integer.parseInt(code.substring("410804-".length())));
            }
            assertEquals(16, numbers.size(), "every concurrent create got its own number");
        } finally {
            pool.shutdownNow();
        }
        // The next one continues the sequence.
        String before = createPlot("410804");
        String after = createPlot("410804");
        assertEquals(Integer.parseInt(before.substring(7)) + 1, Integer.parseInt(after.substring(7)));
    }

    @Test
    void concurrent_changes_of_one_plot_all_succeed_one_after_another() throws Exception {
        String code = createPlot("410803");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(pool.submit(() -> given().header("Authorization", ADMIN).contentType("application/json")
                        .body(plotBody("410803")).when().put("/plots/" + code).then().extract().statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", READER).when().get("/plots/" + code + "/history").then().statusCode(200)
                .body("revision", contains(1, 2, 3, 4, 5, 6, 7));
    }

    @Test
    void an_unknown_plot_is_a_404_problem() {
        given().header("Authorization", READER).when().get("/plots/410821-9999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void plots_are_filtered_by_county_priority_area_ecosystem_and_status() {
        Map<String, Object> wetland = plotBody("410825");
        wetland.put("ecosystem", "WETLAND");
        String wetlandCode = createPlot(wetland);
        String retiredCode = createPlot("410825");
        retire(retiredCode);

        given().header("Authorization", READER).queryParam("countyCode", "410825").queryParam("size", 500)
                .when().get("/plots").then().statusCode(200)
                .body("code", hasItem(wetlandCode)).body("code", hasItem(retiredCode))
                .body("countyCode", everyItem(equalTo("410825")));
        given().header("Authorization", READER).queryParam("priorityArea", "YELLOW_RIVER").queryParam("ecosystem", "WETLAND")
                .queryParam("status", "ACTIVE").queryParam("size", 500)
                .when().get("/plots").then().statusCode(200)
                .body("code", hasItem(wetlandCode)).body("code", not(hasItem(retiredCode)))
                .body("priorityArea", everyItem(equalTo("YELLOW_RIVER")))
                .body("ecosystem", everyItem(equalTo("WETLAND")));
        given().header("Authorization", READER).queryParam("priorityArea", "TAIHANG").queryParam("size", 500)
                .when().get("/plots").then().statusCode(200).body("code", not(hasItem(wetlandCode)));
    }

    @Test
    void a_nul_character_in_a_name_is_a_400_on_its_field_not_a_database_error() {
        Map<String, Object> body = plotBody("410821");
        body.put("name", "样地\u0000一");
        body.put("protectedAreaId", "yuntaishan\u0000");
        given().header("Authorization", ADMIN).contentType("application/json").body(body).when().post("/plots").then()
                .statusCode(400).contentType("application/problem+json")
                // Refused while the JSON is read (common's StrictJson), which stops at the first such value.
                .body("violations.field", contains("name")).body("violations[0].message", containsString("NUL"));
    }

    @Test
    void an_unknown_filter_value_is_a_400_not_a_404() {
        given().header("Authorization", READER).queryParam("status", "DELETED").when().get("/plots").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("status"));
    }

    @Test
    void enum_filters_are_exact_names_and_every_mistake_is_reported_at_once() {
        given().header("Authorization", READER).queryParam("status", "active").queryParam("ecosystem", "Forest")
                .queryParam("priorityArea", "taihang").queryParam("page", "-1").queryParam("size", "+5")
                .when().get("/plots").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("ecosystem", "page", "priorityArea", "size", "status"))
                .body("violations.find { it.field == 'status' }.message", equalTo("must be one of ACTIVE, RETIRED"));
    }

    @Test
    void put_replaces_the_definition_and_recomputes_the_area() {
        String code = createPlot("410822");
        double[] c = freshCorner();
        Map<String, Object> changed = plotBody("410822", square(c[0], c[1], 0.0005));
        changed.put("name", "改名后的样地");
        changed.put("surveyIntervalDays", 30);
        float oldArea = given().header("Authorization", READER).when().get("/plots/" + code).then().extract().path("areaHa");
        float newArea = given().header("Authorization", ADMIN).contentType("application/json").body(changed)
                .when().put("/plots/" + code).then().statusCode(200)
                .body("code", equalTo(code)).body("name", equalTo("改名后的样地")).body("surveyIntervalDays", equalTo(30))
                .extract().path("areaHa");
        // A square of half the side has about a quarter of the area.
        assertEquals(oldArea / 4, newArea, oldArea * 0.01);
    }

    @Test
    void put_cannot_move_a_plot_to_another_county() {
        String code = createPlot("410822");
        given().header("Authorization", ADMIN).contentType("application/json").body(plotBody("410821"))
                .when().put("/plots/" + code).then().statusCode(400)
                .body("violations[0].field", equalTo("countyCode"))
                .body("violations[0].message", containsString("cannot change"));
    }

    @Test
    void a_retired_plot_is_kept_with_its_history_and_cannot_change() {
        String code = createPlot("410882");
        given().header("Authorization", ADMIN).contentType("application/json").body(plotBody("410882"))
                .when().put("/plots/" + code).then().statusCode(200);
        retire(code);
        retire(code); // retiring again changes nothing

        given().header("Authorization", READER).when().get("/plots/" + code).then().statusCode(200)
                .body("status", equalTo("RETIRED"));
        given().header("Authorization", READER).when().get("/plots/" + code + "/history").then().statusCode(200)
                .body("eventType", contains("PlotUpserted", "PlotUpserted", "PlotRetired"))
                .body("revision", contains(1, 2, 3))
                .body("changedBy", contains("admin-test", "admin-wang", "admin-test"))
                .body("plot.status", contains("ACTIVE", "ACTIVE", "RETIRED"));
        given().header("Authorization", ADMIN).contentType("application/json").body(plotBody("410882"))
                .when().put("/plots/" + code).then().statusCode(409).contentType("application/problem+json");
    }
}
