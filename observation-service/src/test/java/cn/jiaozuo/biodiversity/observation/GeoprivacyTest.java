package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.LEOPARD;
import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.TestPlots.TestPlot;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sensitive species (华北豹 here) are shown at their 0.1° cell centre to everyone but the observer,
 * reviewers and admins, on every read path; other species are always exact. Whoever gets the cell
 * centre gets neither the plot nor the station (both locate the record far more finely), and a plot
 * filter does not tell them that the species was in that plot.
 */
@QuarkusTest
class GeoprivacyTest {

    @Inject
    PlotIndex plots;

    @Inject
    StationBindings stations;

    private static final double LAT = 35.3321;
    private static final double LON = 113.3604;
    // Cell [35.3, 35.4) × [113.3, 113.4) → centre 35.35, 113.35; the half-diagonal is ≈ 7.1 km.
    private static final float CELL_LAT = 35.35f;
    private static final float CELL_LON = 113.35f;

    private String observer;
    private String uuid;

    private void recordLeopard() {
        observer = "ranger-" + UUID.randomUUID();
        Map<String, Object> body = with(sighting(LEOPARD), "location", location(LAT, LON));
        uuid = (String) body.get("uuid");
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, observer)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(201)
                .body("location.lat", equalTo((float) LAT)).body("coordinatesObscured", equalTo(false));
    }

    private static RequestSpecification as(String bearer) {
        return bearer == null ? given() : given().header("Authorization", bearer);
    }

    private void assertObscuredFor(String bearer) {
        as(bearer).when().get("/observations/" + uuid).then().statusCode(200)
                .body("coordinatesObscured", equalTo(true))
                .body("location.lat", equalTo(CELL_LAT))
                .body("location.lon", equalTo(CELL_LON))
                .body("location.accuracyM", greaterThanOrEqualTo(7000f))
                .body(not(containsString("35.3321")))
                .body(not(containsString("113.3604")));
    }

    private void assertExactFor(String bearer) {
        as(bearer).when().get("/observations/" + uuid).then().statusCode(200)
                .body("coordinatesObscured", equalTo(false))
                .body("location.lat", equalTo((float) LAT))
                .body("location.lon", equalTo((float) LON))
                .body("location.accuracyM", equalTo(10f));
    }

    @Test
    void the_public_gets_the_cell_centre() {
        recordLeopard();
        assertObscuredFor(null);
    }

    @Test
    void another_ranger_gets_the_cell_centre() {
        recordLeopard();
        assertObscuredFor(TestTokens.bearer(Roles.RANGER, "ranger-other-" + UUID.randomUUID()));
    }

    @Test
    void stations_and_bureau_staff_get_the_cell_centre() {
        recordLeopard();
        assertObscuredFor(TestTokens.bearer(Roles.STATION));
        assertObscuredFor(TestTokens.bearer(Roles.BUREAU));
    }

    @Test
    void the_observer_sees_the_exact_point() {
        recordLeopard();
        assertExactFor(TestTokens.bearer(Roles.RANGER, observer));
    }

    @Test
    void reviewers_and_admins_see_the_exact_point() {
        recordLeopard();
        assertExactFor(TestTokens.bearer(Roles.REVIEWER));
        assertExactFor(TestTokens.bearer(Roles.ADMIN));
    }

    @Test
    void lists_generalize_too() {
        recordLeopard();
        given().queryParam("observer", observer).when().get("/observations").then().statusCode(200)
                .body("items[0].uuid", equalTo(uuid))
                .body("items[0].coordinatesObscured", equalTo(true))
                .body("items[0].location.lat", equalTo(CELL_LAT))
                .body(not(containsString("35.3321")));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, observer)).queryParam("observer", observer)
                .when().get("/observations").then().statusCode(200)
                .body("items[0].location.lat", equalTo((float) LAT));
    }

    @Test
    void a_conflicting_replay_does_not_echo_the_point() {
        recordLeopard();
        Map<String, Object> clash = with(with(sighting(LEOPARD), "uuid", uuid), "location", location(LAT, LON));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, "ranger-other-" + UUID.randomUUID()))
                .contentType(ContentType.JSON).body(clash).when().post("/observations").then().statusCode(409)
                .body(not(containsString("35.33"))).body(not(containsString("113.36")));
    }

    @Test
    void species_that_are_not_sensitive_are_exact_for_everyone() {
        Map<String, Object> body = with(sighting(MACAQUE), "location", location(LAT, LON));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(201);
        given().when().get("/observations/" + body.get("uuid")).then().statusCode(200)
                .body("coordinatesObscured", equalTo(false))
                .body("location.lat", equalTo((float) LAT));
    }

    @Test
    void generalization_is_deterministic_so_repeated_reads_leak_nothing() {
        recordLeopard();
        for (String ignored : List.of("a", "b", "c")) {
            assertObscuredFor(null);
        }
    }

    /**
     * A leopard caught by camera CT-… in a fresh plot, its photo stored under the camera's name, as camera
     * teams do; returns its uuid (the observer sees plot, station and photo).
     */
    private String recordLeopardAtStation(TestPlot plot, String station) {
        observer = "ranger-" + UUID.randomUUID();
        TestStations.bind(stations, station, observer);
        Map<String, Object> body = with(with(with(plot.sighting(LEOPARD), "stationId", station), "method", "CAMERA_TRAP"),
                "media", List.of(Map.of("url", "https://media.jiaozuo-biodiversity.cn/" + station + "/0001.jpg")));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, observer)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(201)
                .body("plotCode", equalTo(plot.code())).body("stationId", equalTo(station));
        return (String) body.get("uuid");
    }

    @Test
    void whoever_gets_the_cell_centre_gets_neither_plot_nor_station_nor_photos() {
        String station = "CT-" + UUID.randomUUID();
        try (TestPlot plot = TestPlots.newPlot(plots)) {
            uuid = recordLeopardAtStation(plot, station);
            for (String bearer : Arrays.asList(null, TestTokens.bearer(Roles.RANGER, "ranger-other-" + UUID.randomUUID()),
                    TestTokens.bearer(Roles.BUREAU))) {
                as(bearer).when().get("/observations/" + uuid).then().statusCode(200)
                        .body("coordinatesObscured", equalTo(true))
                        .body("plotCode", nullValue()).body("stationId", nullValue()).body("media", empty())
                        .body(not(containsString(plot.code()))).body(not(containsString(station)));
                as(bearer).queryParam("observer", observer).when().get("/observations").then().statusCode(200)
                        .body("items[0].uuid", equalTo(uuid))
                        .body("items[0].plotCode", nullValue()).body("items[0].stationId", nullValue())
                        .body(not(containsString(plot.code()))).body(not(containsString(station)));
            }
            for (String bearer : List.of(TestTokens.bearer(Roles.RANGER, observer), TestTokens.bearer(Roles.REVIEWER),
                    TestTokens.bearer(Roles.ADMIN))) {
                as(bearer).when().get("/observations/" + uuid).then().statusCode(200)
                        .body("coordinatesObscured", equalTo(false))
                        .body("plotCode", equalTo(plot.code())).body("stationId", equalTo(station))
                        .body("media[0].url", containsString(station));
            }
        }
    }

    @Test
    void species_that_are_not_sensitive_keep_plot_and_station_for_everyone() {
        String station = TestStations.bound(stations, "ranger-test");
        try (TestPlot plot = TestPlots.newPlot(plots)) {
            Map<String, Object> body = with(plot.sighting(MACAQUE), "stationId", station);
            given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                    .when().post("/observations").then().statusCode(201);
            given().when().get("/observations/" + body.get("uuid")).then().statusCode(200)
                    .body("plotCode", equalTo(plot.code())).body("stationId", equalTo(station));
        }
    }

    @Test
    void a_plot_filter_does_not_reveal_a_sensitive_species_to_those_who_get_it_generalized() {
        try (TestPlot plot = TestPlots.newPlot(plots)) {
            uuid = recordLeopardAtStation(plot, "CT-" + UUID.randomUUID());
            Map<String, Object> macaque = plot.sighting(MACAQUE);
            given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(macaque)
                    .when().post("/observations").then().statusCode(201).body("plotCode", equalTo(plot.code()));

            for (String bearer : Arrays.asList(null, TestTokens.bearer(Roles.RANGER, "ranger-other-" + UUID.randomUUID()),
                    TestTokens.bearer(Roles.STATION))) {
                as(bearer).queryParam("plotCode", plot.code()).when().get("/observations").then().statusCode(200)
                        .body("items.uuid", equalTo(List.of(macaque.get("uuid"))))
                        .body(not(containsString(uuid)));
            }
            for (String bearer : List.of(TestTokens.bearer(Roles.RANGER, observer), TestTokens.bearer(Roles.REVIEWER),
                    TestTokens.bearer(Roles.ADMIN))) {
                as(bearer).queryParam("plotCode", plot.code()).when().get("/observations").then().statusCode(200)
                        .body("items.uuid", containsInAnyOrder(macaque.get("uuid"), uuid))
                        .body("items.plotCode", hasItem(plot.code()));
            }
        }
    }
}
