package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.CST;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.WUZHI;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Invasive-species control cases: opened from an alert or directly, actions and follow-ups (idempotent on the app's
 * uuid), DETECTED → UNDER_CONTROL → CONTROLLED → ERADICATED on 美国白蛾's schedule (3 negatives over 60 days), reopened
 * by a sighting in the area from topic observations, the summary, and the events on topic control-cases.
 */
@QuarkusTest
class ControlCaseTest extends ObservationEventsFixture {

    /** The observation fixture's point: the centre of the circular cases below. */
    static final double LAT = 35.2178;
    static final double LON = 113.2431;

    /** As a user of this role; decimals read back as doubles (REST Assured's default is float). */
    static RequestSpecification as(String role) {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .header("Authorization", TestTokens.bearer(role, role + "-zhang")).contentType("application/json");
    }

    static LocalDate today() {
        return LocalDate.now(CST);
    }

    /** A case opened directly by the bureau: a 200 m circle around the fixture's point. */
    static JsonPath openDirect(SpeciesSnapshot species, String county) {
        return as(Roles.BUREAU).body(Map.of("speciesId", species.id(), "scientificName", species.scientificName(),
                        "chineseName", species.chineseName(), "countyCode", county, "severity", "HIGH",
                        "point", Map.of("lat", LAT, "lon", LON), "radiusM", 200))
                .when().post("/control-cases").then().statusCode(201).extract().jsonPath();
    }

    static Response action(String caseId, UUID uuid, LocalDate on, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("uuid", uuid, "performedOn", on.toString(),
                "method", "BIOLOGICAL_CONTROL", "treatedAreaHa", 1.5, "quantity", 300000, "unit", "wasps (周氏啮小蜂)",
                "team", "温县林业站防治队"));
        body.putAll(more);
        return as(Roles.RANGER).body(body).when().post("/control-cases/" + caseId + "/actions");
    }

    static Response followUp(String caseId, LocalDate on, boolean found) {
        return as(Roles.RANGER).body(Map.of("uuid", UUID.randomUUID(), "surveyedOn", on.toString(), "found", found,
                "density", found ? 3.0 : 0.0)).when().post("/control-cases/" + caseId + "/follow-ups");
    }

    static JsonPath controlCase(String id) {
        return as(Roles.BUREAU).when().get("/control-cases/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void the_bureau_opens_a_case_from_an_invasive_species_alert_with_its_species_county_and_point() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        events.recorded(observation(species, WUZHI));
        Map<String, Object> alert = awaitAlerts(species.id(), 1).get(0);

        String id = as(Roles.BUREAU).body(Map.of("alertId", alert.get("id"), "radiusM", 500, "responsibleOrg", "wuzhi-forestry"))
                .when().post("/control-cases").then().statusCode(201)
                .body("status", equalTo("DETECTED")).body("speciesId", equalTo(species.id()))
                .body("scientificName", equalTo(species.scientificName())).body("countyCode", equalTo(WUZHI))
                .body("severity", equalTo(alert.get("severity"))).body("alertId", equalTo(alert.get("id")))
                .body("responsibleOrg", equalTo("wuzhi-forestry"))
                .body("area.lat", closeTo(LAT, 1e-9)).body("area.radiusM", closeTo(500.0, 1e-9))
                .body("areaHa", closeTo(Math.PI * 500 * 500 / 10_000, 1e-6))
                .body("actions", hasSize(0)).body("nextFollowUpDue", nullValue())
                .body("schedule.followUpIntervalDays", equalTo(14)).extract().path("id");

        as(Roles.BUREAU).body(Map.of("alertId", alert.get("id"))).when().post("/control-cases")
                .then().statusCode(409).contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(id));
        as(Roles.BUREAU).body(Map.of("alertId", UUID.randomUUID())).when().post("/control-cases")
                .then().statusCode(400).body("violations[0].field", equalTo("alertId"));
    }

    @Test
    void the_bureau_opens_a_case_directly_with_an_outline_whose_area_is_geodesic_and_owned_by_its_org() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        Map<String, Object> outline = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(113.07, 35.16),
                List.of(113.08, 35.16), List.of(113.08, 35.17), List.of(113.07, 35.17), List.of(113.07, 35.16))));
        // 0.01° × 0.01° at 35.165° N on the WGS-84 ellipsoid: 911.1 m × 1109.4 m.
        as(Roles.BUREAU).body(Map.of("speciesId", species.id(), "scientificName", species.scientificName(),
                        "countyCode", WUZHI, "severity", "MEDIUM", "outline", outline))
                .when().post("/control-cases").then().statusCode(201)
                .body("areaHa", closeTo(101.08, 0.1)).body("area.radiusM", nullValue())
                .body("area.outline.type", equalTo("Polygon")).body("alertId", nullValue())
                .body("responsibleOrg", equalTo(TestTokens.DEFAULT_ORG)).body("openedBy", equalTo("bureau-zhang"));
    }

    @Test
    void every_mistake_of_a_case_is_named_in_one_400() {
        as(Roles.BUREAU).body(Map.of("speciesId", -1, "countyCode", "4108", "radiusM", -5, "notes", "x".repeat(2001),
                        "point", Map.of("lat", 91)))
                .when().post("/control-cases").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("speciesId", "countyCode", "radiusM", "notes", "point.lat", "point.lon"));
        as(Roles.BUREAU).body(Map.of()).when().post("/control-cases").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("speciesId", "scientificName", "countyCode", "severity",
                        "point", "radiusM"));
        as(Roles.BUREAU).body(Map.of("speciesId", 5, "scientificName", "Hyphantria cunea", "countyCode", "110101",
                        "severity", "HIGH", "outline", Map.of("type", "Polygon", "coordinates",
                                List.of(List.of(List.of(113.0, 35.0), List.of(113.1, 35.1), List.of(113.1, 35.0), List.of(113.0, 35.1),
                                        List.of(113.0, 35.0))))))
                .when().post("/control-cases").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("countyCode", "outline"));
    }

    @Test
    void the_bureau_opens_cases_rangers_record_actions_and_follow_ups_and_staff_read() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String id = openDirect(species, WUZHI).getString("id");

        as(Roles.RANGER).body(Map.of()).when().post("/control-cases").then().statusCode(403);
        as(Roles.REVIEWER).body(Map.of()).when().post("/control-cases").then().statusCode(403);
        given().contentType("application/json").body(Map.of()).when().post("/control-cases").then().statusCode(401);
        as(Roles.STATION).when().get("/control-cases/" + id).then().statusCode(403);
        as(Roles.REVIEWER).body(Map.of("uuid", UUID.randomUUID(), "performedOn", today().toString(), "method", "OTHER",
                "treatedAreaHa", 1)).when().post("/control-cases/" + id + "/actions").then().statusCode(403);
        as(Roles.STATION).body(Map.of("uuid", UUID.randomUUID(), "surveyedOn", today().toString(), "found", false))
                .when().post("/control-cases/" + id + "/follow-ups").then().statusCode(403);

        action(id, UUID.randomUUID(), today(), Map.of()).then().statusCode(201).body("actions[0].recordedBy", equalTo("ranger-zhang"));
        followUp(id, today(), true).then().statusCode(201);
        for (String role : List.of(Roles.RANGER, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN)) {
            as(role).when().get("/control-cases/" + id).then().statusCode(200).body("followUps", hasSize(1));
        }
        as(Roles.BUREAU).when().get("/control-cases/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void an_app_retrying_an_action_gets_200_and_one_action_and_another_action_under_its_uuid_is_a_409() {
        String id = openDirect(invasive(newSpeciesId()), WUZHI).getString("id");
        UUID uuid = UUID.randomUUID();

        action(id, uuid, today().minusDays(1), Map.of("notes", "4 release points")).then().statusCode(201)
                .body("status", equalTo("UNDER_CONTROL")).body("actions", hasSize(1))
                .body("nextFollowUpDue", equalTo(today().plusDays(13).toString()));
        action(id, uuid, today().minusDays(1), Map.of("notes", "4 release points")).then().statusCode(200)
                .body("actions", hasSize(1)).body("treatedAreaHa", closeTo(1.5, 1e-9));
        action(id, uuid, today().minusDays(1), Map.of("notes", "5 release points")).then().statusCode(409)
                .contentType("application/problem+json");

        action(id, UUID.randomUUID(), today().plusDays(2), Map.of()).then().statusCode(400)
                .body("violations[0].field", equalTo("performedOn"));
        // More decimals than stored would make the app's retry differ from what was kept: refused up front.
        action(id, UUID.randomUUID(), today(), Map.of("quantity", 0.0001)).then().statusCode(400)
                .body("violations[0].field", equalTo("quantity"));
        Map<String, Object> both = new HashMap<>(Map.of("treatedOutline", Map.of("type", "Point", "coordinates", List.of(113, 35))));
        action(id, UUID.randomUUID(), today(), both).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("treatedAreaHa", "treatedOutline"));
    }

    @Test
    void a_case_is_eradicated_only_after_the_negative_streak_and_a_sighting_in_its_area_reopens_it() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String id = openDirect(species, WUZHI).getString("id");
        LocalDate start = today().minusDays(90);

        action(id, UUID.randomUUID(), start, Map.of()).then().statusCode(201).body("status", equalTo("UNDER_CONTROL"));
        followUp(id, start.plusDays(10), false).then().statusCode(201).body("status", equalTo("CONTROLLED"));
        followUp(id, start.plusDays(24), true).then().statusCode(201).body("status", equalTo("UNDER_CONTROL"));
        followUp(id, start.plusDays(25), false).then().statusCode(201).body("status", equalTo("CONTROLLED"));
        followUp(id, start.plusDays(50), false).then().statusCode(201).body("status", equalTo("CONTROLLED"))
                .body("negativeStreak", equalTo(2));
        followUp(id, start.plusDays(84), false).then().statusCode(201).body("status", equalTo("CONTROLLED"))
                .body("negativeStreak", equalTo(3)); // 59 days since the streak began: one short
        followUp(id, start.plusDays(85), false).then().statusCode(201).body("status", equalTo("ERADICATED"))
                .body("eradicatedOn", equalTo(start.plusDays(85).toString())).body("nextFollowUpDue", nullValue());
        action(id, UUID.randomUUID(), today(), Map.of()).then().statusCode(409);

        // 3 km north: outside the 200 m circle; the consumer has applied it once the sentinel behind it is through.
        ObservationSnapshot far = observation(species, WUZHI, null, OffsetDateTime.now(CST));
        far = new ObservationSnapshot(far.uuid(), far.species(), far.count(), far.observedAt(), far.recordedAt(),
                new GeoPoint(LAT + 0.027, LON, 10.0, "WGS84"), far.countyCode(), null, far.method(), null,
                far.observer(), far.source(), far.status(), null, null, null);
        events.recorded(far);
        events.awaitConsumed(far);
        assertEquals("ERADICATED", controlCase(id).getString("status"));

        events.recorded(observation(species, WUZHI, null, OffsetDateTime.now(CST)));
        await().atMost(Duration.ofSeconds(15)).until(() -> "UNDER_CONTROL".equals(controlCase(id).getString("status")));
        JsonPath reopened = controlCase(id);
        assertNull(reopened.get("eradicatedOn"));
        assertEquals(0, reopened.getInt("negativeStreak"));

        var published = events.kafka().await(Topics.CONTROL_CASES, r -> r.key().equals(id), 9, Duration.ofSeconds(15));
        assertEquals(List.of("ControlCaseOpened", "ControlActionRecorded", "ControlCaseStatusChanged",
                        "ControlCaseStatusChanged", "ControlCaseStatusChanged", "ControlCaseStatusChanged",
                        "ControlCaseStatusChanged", "ControlCaseStatusChanged"),
                published.stream().limit(8).map(r -> new String(r.headers().lastHeader("eventType").value())).toList());
        List<String> reasons = published.stream().filter(r -> r.value().contains("\"reason\":\""))
                .map(r -> r.value().replaceAll(".*\"reason\":\"([A-Z_]+)\".*", "$1")).toList();
        assertEquals(List.of("FIRST_ACTION", "NEGATIVE_FOLLOW_UP", "POSITIVE_FOLLOW_UP", "NEGATIVE_FOLLOW_UP",
                "NEGATIVE_STREAK", "SIGHTING"), reasons);
    }

    @Test
    void the_summary_counts_open_cases_infested_and_treated_area_days_since_the_last_action_and_eradications() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        JsonPath open = openDirect(species, WUZHI);
        action(open.getString("id"), UUID.randomUUID(), today().minusDays(3), Map.of()).then().statusCode(201);
        openDirect(species, WUZHI); // DETECTED: open, no action yet
        String done = openDirect(species, WUZHI).getString("id");
        LocalDate start = today().minusDays(70);
        action(done, UUID.randomUUID(), start, Map.of("treatedAreaHa", 4.0)).then().statusCode(201);
        followUp(done, start.plusDays(1), false).then().statusCode(201);
        followUp(done, start.plusDays(30), false).then().statusCode(201);
        String eradicatedOn = followUp(done, start.plusDays(61), false).then().statusCode(201)
                .body("status", equalTo("ERADICATED")).extract().path("eradicatedOn");

        as(Roles.RANGER).queryParam("speciesId", species.id()).when().get("/control-cases/summary").then().statusCode(200)
                .body("asOf", equalTo(today().toString())).body("rows", hasSize(1))
                .body("rows[0].countyCode", equalTo(WUZHI)).body("rows[0].openCases", equalTo(2))
                .body("rows[0].infestedAreaHa", closeTo(2 * Math.PI * 200 * 200 / 10_000, 1e-6))
                .body("rows[0].treatedAreaHa", closeTo(1.5, 1e-9)).body("rows[0].daysSinceLastAction", equalTo(3))
                .body("rows[0].eradicatedThisYear",
                        equalTo(LocalDate.parse(eradicatedOn).getYear() == today().getYear() ? 1 : 0));
        as(Roles.REVIEWER).when().get("/control-cases/summary").then().statusCode(200)
                .body("rows.findAll { it.speciesId == " + species.id() + "L }.openCases", org.hamcrest.Matchers.contains(2));
        as(Roles.REVIEWER).queryParam("countyCode", WUZHI).when().get("/control-cases/summary").then().statusCode(200)
                .body("rows.countyCode", org.hamcrest.Matchers.everyItem(equalTo(WUZHI)));
        as(Roles.BUREAU).queryParam("speciesId", species.id()).queryParam("status", "ERADICATED")
                .when().get("/control-cases").then().statusCode(200).body("items.id", containsInAnyOrder(done));
        as(Roles.BUREAU).queryParam("speciesId", species.id()).queryParam("countyCode", WUZHI).queryParam("limit", 2)
                .when().get("/control-cases").then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        as(Roles.BUREAU).queryParam("countyCode", "999999").queryParam("status", "OPEN").queryParam("cursor", "nope")
                .when().get("/control-cases").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("countyCode", "status", "cursor"));
    }
}
