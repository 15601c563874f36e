package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.LEOPARD;
import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sensitive species (华北豹 here) are shown at their 0.1° cell centre to everyone but the observer,
 * reviewers and admins, on every read path; other species are always exact.
 */
@QuarkusTest
class GeoprivacyTest {

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
}
