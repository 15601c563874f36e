package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ControlCaseTest.action;
import static cn.jiaozuo.biodiversity.alert.ControlCaseTest.as;
import static cn.jiaozuo.biodiversity.alert.ControlCaseTest.followUp;
import static cn.jiaozuo.biodiversity.alert.ControlCaseTest.openDirect;
import static cn.jiaozuo.biodiversity.alert.ControlCaseTest.today;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.WUZHI;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Control cases changed by hand: area, severity and responsible unit (PATCH), and closing with a reason (CLOSED,
 * final), each with its event on topic control-cases.
 */
@QuarkusTest
class ControlCaseChangeTest extends ObservationEventsFixture {

    @Test
    void the_bureau_changes_area_severity_and_responsible_unit_of_an_open_case() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String id = openDirect(species, WUZHI).getString("id");
        as(Roles.BUREAU).body(Map.of("radiusM", 400, "severity", "CRITICAL", "responsibleOrg", "wuzhi-forestry"))
                .when().patch("/control-cases/" + id).then().statusCode(200)
                .body("area.radiusM", closeTo(400.0, 1e-9)).body("area.lat", closeTo(ControlCaseTest.LAT, 1e-9))
                .body("areaHa", closeTo(Math.PI * 400 * 400 / 10_000, 1e-6)).body("severity", equalTo("CRITICAL"))
                .body("responsibleOrg", equalTo("wuzhi-forestry")).body("status", equalTo("DETECTED"));
        Map<String, Object> outline = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(113.07, 35.16),
                List.of(113.08, 35.16), List.of(113.08, 35.17), List.of(113.07, 35.17), List.of(113.07, 35.16))));
        as(Roles.ADMIN).body(Map.of("outline", outline)).when().patch("/control-cases/" + id).then().statusCode(200)
                .body("area.radiusM", nullValue()).body("areaHa", closeTo(101.08, 0.1))
                .body("severity", equalTo("CRITICAL"));

        var published = events.kafka().await(Topics.CONTROL_CASES, r -> r.key().equals(id), 3, Duration.ofSeconds(15));
        assertEquals(List.of("ControlCaseOpened", "ControlCaseUpdated", "ControlCaseUpdated"), published.stream()
                .map(r -> new String(r.headers().lastHeader("eventType").value())).toList());
    }

    @Test
    void a_change_must_name_something_valid_and_only_the_bureau_or_an_admin_may_make_it() {
        String id = openDirect(invasive(newSpeciesId()), WUZHI).getString("id");
        as(Roles.BUREAU).body(Map.of()).when().patch("/control-cases/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.notNullValue());
        as(Roles.BUREAU).body(Map.of("point", Map.of("lat", 35.2, "lon", 113.2), "radiusM", -1, "severity", "DIRE"))
                .when().patch("/control-cases/" + id).then().statusCode(400);
        as(Roles.BUREAU).body(Map.of("point", Map.of("lat", 35.2, "lon", 113.2), "outline", Map.of("type", "Polygon")))
                .when().patch("/control-cases/" + id).then().statusCode(400)
                .body("violations.field", hasItems("outline", "radiusM"));
        as(Roles.RANGER).body(Map.of("severity", "HIGH")).when().patch("/control-cases/" + id).then().statusCode(403);
        as(Roles.BUREAU).body(Map.of("severity", "HIGH")).when().patch("/control-cases/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void a_closed_case_is_final_takes_no_records_and_counts_as_open_no_more() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String id = openDirect(species, WUZHI).getString("id");
        action(id, UUID.randomUUID(), today(), Map.of()).then().statusCode(201);
        as(Roles.RANGER).body(Map.of("reason", "x")).when().post("/control-cases/" + id + "/close").then().statusCode(403);
        as(Roles.BUREAU).body(Map.of("reason", " ")).when().post("/control-cases/" + id + "/close").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(Roles.BUREAU).body(Map.of("reason", "Merged into the levee case")).when().post("/control-cases/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedReason", equalTo("Merged into the levee case")).body("closedBy", equalTo("bureau-zhang"))
                .body("nextFollowUpDue", nullValue());
        as(Roles.BUREAU).body(Map.of("reason", "again")).when().post("/control-cases/" + id + "/close").then().statusCode(409);
        action(id, UUID.randomUUID(), today(), Map.of()).then().statusCode(409).body("detail", containsString("CLOSED"));
        followUp(id, today(), false).then().statusCode(409);
        as(Roles.BUREAU).body(Map.of("severity", "HIGH")).when().patch("/control-cases/" + id).then().statusCode(409);
        as(Roles.BUREAU).queryParam("speciesId", species.id()).when().get("/control-cases/summary").then().statusCode(200)
                .body("rows.size()", equalTo(0));
        as(Roles.BUREAU).queryParam("status", "CLOSED").queryParam("speciesId", species.id()).when().get("/control-cases")
                .then().statusCode(200).body("items.size()", equalTo(1));

        var published = events.kafka().await(Topics.CONTROL_CASES, r -> r.key().equals(id)
                && r.value().contains("CLOSED_BY_HAND"), 1, Duration.ofSeconds(15));
        assertEquals("ControlCaseStatusChanged", new String(published.get(0).headers().lastHeader("eventType").value()));
    }
}
