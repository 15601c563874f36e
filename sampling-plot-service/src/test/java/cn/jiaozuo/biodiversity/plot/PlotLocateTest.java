package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.freshCorner;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.retire;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.ring;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.square;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import cn.jiaozuo.biodiversity.plot.domain.Ecosystem;
import cn.jiaozuo.biodiversity.plot.domain.Plot;
import cn.jiaozuo.biodiversity.plot.domain.PlotStatus;
import cn.jiaozuo.biodiversity.plot.domain.SurveyMethod;
import cn.jiaozuo.biodiversity.plot.repository.PlotRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /plots/locate}: the active plots whose polygon covers a point. */
@QuarkusTest
class PlotLocateTest {

    @Inject
    PlotRepository plots;

    private static ValidatableResponse locate(double lat, double lon) {
        return given().header("Authorization", TestTokens.bearer(Roles.RANGER)).queryParam("lat", lat).queryParam("lon", lon)
                .when().get("/plots/locate").then().statusCode(200);
    }

    @Test
    void a_point_inside_a_new_plot_finds_it_at_once() {
        double[] c = freshCorner();
        String code = createPlot(plotBody("410821", square(c[0], c[1], 0.001)));
        locate(c[1] + 0.0005, c[0] + 0.0005).body("code", hasItem(code))
                .body("find { it.code == '" + code + "' }.countyCode", equalTo("410821"));
    }

    @Test
    void a_point_outside_the_polygon_but_inside_its_bounding_box_is_not_matched() {
        double[] c = freshCorner();
        double s = 0.001;
        // A right triangle: the box's north-east corner lies outside it.
        Map<String, Object> triangle = Map.of("type", "Polygon", "coordinates", List.of(List.of(
                List.of(c[0], c[1]), List.of(c[0] + s, c[1]), List.of(c[0], c[1] + s), List.of(c[0], c[1]))));
        String code = createPlot(plotBody("410821", triangle));
        locate(c[1] + 0.0009, c[0] + 0.0009).body("code", not(hasItem(code)));
        locate(c[1] + 0.0002, c[0] + 0.0002).body("code", hasItem(code));
    }

    @Test
    void a_point_on_the_boundary_belongs_to_the_plot() {
        double[] c = freshCorner();
        String code = createPlot(plotBody("410821", square(c[0], c[1], 0.001)));
        locate(c[1], c[0] + 0.0005).body("code", hasItem(code));
    }

    @Test
    void a_point_in_a_hole_is_not_in_the_plot() {
        double[] c = freshCorner();
        Map<String, Object> withHole = Map.of("type", "Polygon", "coordinates",
                List.of(ring(c[0], c[1], 0.001), ring(c[0] + 0.0004, c[1] + 0.0004, 0.0002)));
        String code = createPlot(plotBody("410821", withHole));
        locate(c[1] + 0.0005, c[0] + 0.0005).body("code", not(hasItem(code)));
        locate(c[1] + 0.0001, c[0] + 0.0001).body("code", hasItem(code));
    }

    @Test
    void each_part_of_a_multipolygon_is_matched() {
        double[] c = freshCorner();
        Map<String, Object> twoParts = Map.of("type", "MultiPolygon", "coordinates",
                List.of(List.of(ring(c[0], c[1], 0.0005)), List.of(ring(c[0] + 0.001, c[1] + 0.001, 0.0005))));
        String code = createPlot(plotBody("410821", twoParts));
        locate(c[1] + 0.0002, c[0] + 0.0002).body("code", hasItem(code));
        locate(c[1] + 0.0012, c[0] + 0.0012).body("code", hasItem(code));
        locate(c[1] + 0.0008, c[0] + 0.0008).body("code", not(hasItem(code)));
    }

    @Test
    void a_moved_plot_is_found_at_its_new_place_only() {
        double[] c = freshCorner();
        String code = createPlot(plotBody("410821", square(c[0], c[1], 0.001)));
        double[] d = freshCorner();
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json")
                .body(plotBody("410821", square(d[0], d[1], 0.001))).when().put("/plots/" + code).then().statusCode(200);
        locate(d[1] + 0.0005, d[0] + 0.0005).body("code", hasItem(code));
        if (Math.abs(c[0] - d[0]) > 0.0015 || Math.abs(c[1] - d[1]) > 0.0015) {
            locate(c[1] + 0.0005, c[0] + 0.0005).body("code", not(hasItem(code)));
        }
    }

    @Test
    void a_retired_plot_is_no_longer_located() {
        double[] c = freshCorner();
        String code = createPlot(plotBody("410821", square(c[0], c[1], 0.001)));
        locate(c[1] + 0.0005, c[0] + 0.0005).body("code", hasItem(code));
        retire(code);
        locate(c[1] + 0.0005, c[0] + 0.0005).body("code", not(hasItem(code)));
    }

    @Test
    void a_plot_written_by_another_instance_is_located_after_the_periodic_reload() {
        double[] c = freshCorner();
        String code = "410803-" + UUID.randomUUID().toString().substring(0, 8);
        // Written straight to the database, as another instance would: this instance's commit hook never sees it.
        QuarkusTransaction.requiringNew().run(() -> {
            Plot plot = new Plot();
            plot.code = code;
            plot.name = "另一实例写入的样地";
            plot.countyCode = "410803";
            plot.ecosystem = Ecosystem.FOREST;
            plot.methods = List.of(SurveyMethod.QUADRAT);
            plot.geometry = "{\"type\":\"Polygon\",\"coordinates\":[[[" + c[0] + "," + c[1] + "],[" + (c[0] + 0.001) + ","
                    + c[1] + "],[" + (c[0] + 0.001) + "," + (c[1] + 0.001) + "],[" + c[0] + "," + c[1] + "]]]}";
            plot.areaHa = 5;
            plot.surveyIntervalDays = 90;
            plot.status = PlotStatus.ACTIVE;
            plot.createdAt = Instant.now();
            plot.updatedAt = plot.createdAt;
            plots.persist(plot);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> locate(c[1] + 0.0002, c[0] + 0.0008).body("code", hasItem(code)));
    }

    @Test
    void the_index_size_is_a_metric() {
        createPlot("410821");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double size = metrics.lines().filter(l -> l.startsWith("plots_index_size")).mapToDouble(
                l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
        org.junit.jupiter.api.Assertions.assertTrue(size >= 1, "plots_index_size is " + size);
    }

    @Test
    void missing_or_out_of_range_coordinates_are_400_problems() {
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).queryParam("lat", 35.2)
                .when().get("/plots/locate").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("lon"));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).queryParam("lat", 95).queryParam("lon", 113.2)
                .when().get("/plots/locate").then().statusCode(400).body("violations[0].field", equalTo("lat"));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).queryParam("lat", "north").queryParam("lon", 113.2)
                .when().get("/plots/locate").then().statusCode(400).contentType("application/problem+json");
    }
}
