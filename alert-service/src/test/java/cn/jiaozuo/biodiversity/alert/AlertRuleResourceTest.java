package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.alertsOf;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.nationalClassOne;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /rules for staff, PUT /rules/{id} for admins; a disabled rule raises nothing. */
@QuarkusTest
class AlertRuleResourceTest {

    @Inject
    ObjectMapper json;

    private static io.restassured.response.Response put(String role, String id, Map<String, Object> body) {
        return given().header("Authorization", TestTokens.bearer(role, role + "-li")).contentType("application/json")
                .body(body).when().put("/rules/" + id);
    }

    private static Map<String, Object> params(Boolean enabled, Integer threshold, Integer window) {
        Map<String, Object> body = new HashMap<>();
        body.put("enabled", enabled);
        body.put("escalationThreshold", threshold);
        body.put("escalationWindowDays", window);
        return body;
    }

    @Test
    void staff_read_both_seeded_rules() {
        given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).when().get("/rules").then().statusCode(200)
                .body("id", hasItems("INVASIVE_SPECIES", "PROTECTED_SPECIES"));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).when().get("/rules").then().statusCode(403);
    }

    @Test
    void an_admin_changes_the_escalation_parameters() {
        try {
            put(Roles.ADMIN, "INVASIVE_SPECIES", params(true, 8, 14)).then().statusCode(200)
                    .body("escalationThreshold", equalTo(8)).body("escalationWindowDays", equalTo(14))
                    .body("updatedBy", equalTo("admin-li"));
            given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/rules").then().statusCode(200)
                    .body("find { it.id == 'INVASIVE_SPECIES' }.escalationThreshold", equalTo(8));
        } finally {
            put(Roles.ADMIN, "INVASIVE_SPECIES", params(true, 5, 7)).then().statusCode(200);
        }
    }

    @Test
    void a_disabled_rule_raises_no_alert_while_the_other_rule_still_works() {
        try (ObservationEvents events = new ObservationEvents(json)) {
            put(Roles.ADMIN, "INVASIVE_SPECIES", params(false, 5, 7)).then().statusCode(200);
            long id = newSpeciesId();
            SpeciesSnapshot both = new SpeciesSnapshot(id, "Invasivus protectus " + id, "测试种", "Test species",
                    "MAMMAL", "NATIONAL_I", true, false);
            events.recorded(observation(both, JIEFANG));

            List<Map<String, Object>> alerts = awaitAlerts(id, 1);
            assertTrue("PROTECTED_SPECIES".equals(alerts.get(0).get("rule")));
        } finally {
            put(Roles.ADMIN, "INVASIVE_SPECIES", params(true, 5, 7)).then().statusCode(200);
        }
    }

    @Test
    void invalid_parameters_unknown_rules_and_other_roles_are_refused() {
        put(Roles.ADMIN, "INVASIVE_SPECIES", params(null, 1, 0)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("enabled", "escalationThreshold", "escalationWindowDays"));
        put(Roles.ADMIN, "INVASIVE_SPECIES", params(true, 5, null)).then().statusCode(400)
                .body("violations.field", hasItem("escalationWindowDays"));
        put(Roles.ADMIN, "NO_SUCH_RULE", params(true, 5, 7)).then().statusCode(404)
                .contentType("application/problem+json");
        put(Roles.BUREAU, "INVASIVE_SPECIES", params(true, 5, 7)).then().statusCode(403);
    }

    @Test
    void protected_species_alerts_can_be_switched_off_too() {
        try (ObservationEvents events = new ObservationEvents(json)) {
            put(Roles.ADMIN, "PROTECTED_SPECIES", params(false, null, null)).then().statusCode(200);
            SpeciesSnapshot leopard = nationalClassOne(newSpeciesId(), false);
            ObservationSnapshot sighting = observation(leopard, JIEFANG);
            events.recorded(sighting);
            events.awaitConsumed(sighting);
            assertEquals(List.of(), alertsOf(leopard.id()));
        } finally {
            put(Roles.ADMIN, "PROTECTED_SPECIES", params(true, null, null)).then().statusCode(200);
        }
    }
}
