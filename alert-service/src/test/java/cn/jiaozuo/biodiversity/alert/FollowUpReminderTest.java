package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.MENGZHOU;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.alert.domain.FollowUpReminders;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Overdue follow-ups: the background pass raises a FOLLOW_UP_OVERDUE alert once per case and overdue period, for the
 * responsible unit's subscriptions only. Later periods are checked by running the pass "as of" a later day
 * ({@link FollowUpReminders} takes the day), not by waiting.
 */
@QuarkusTest
class FollowUpReminderTest {

    @Inject
    FollowUpReminders reminders;

    private final String unit = "mengzhou-forestry-" + UUID.randomUUID();
    private final String otherUnit = "other-bureau-" + UUID.randomUUID();

    private static RequestSpecification as(String role, String org) {
        return given().header("Authorization", "Bearer " + TestTokens.token(role, role + "-li", org, Duration.ofHours(1)))
                .contentType("application/json");
    }

    private String subscribe(String org, long speciesId) {
        return as(Roles.BUREAU, org).body(Map.of("name", "reminders " + UUID.randomUUID(), "organization", "市林业局",
                        "filter", Map.of("speciesIds", List.of(speciesId), "rules", List.of("FOLLOW_UP_OVERDUE")),
                        "webhook", Map.of("url", "https://hooks.example.org/" + org, "secret", "s3cr3t-shared-with-the-bureau")))
                .when().post("/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> reminderAlerts(long speciesId) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("speciesId", speciesId)
                .queryParam("rule", "FOLLOW_UP_OVERDUE").when().get("/alerts").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    @Test
    void an_overdue_follow_up_is_reminded_once_per_period_to_the_responsible_unit_only() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String mine = subscribe(unit, species.id());
        String theirs = subscribe(otherUnit, species.id());
        LocalDate today = ControlCaseTest.today();
        String caseId = as(Roles.BUREAU, unit).body(Map.of("speciesId", species.id(), "scientificName", species.scientificName(),
                        "countyCode", MENGZHOU, "severity", "HIGH", "point", Map.of("lat", 34.92, "lon", 112.79), "radiusM", 300))
                .when().post("/control-cases").then().statusCode(201).body("responsibleOrg", equalTo(unit))
                .extract().path("id");
        // Treated 20 days ago; 美国白蛾 is surveyed every 14 days: due 6 days ago.
        ControlCaseTest.action(caseId, UUID.randomUUID(), today.minusDays(20), Map.of()).then().statusCode(201)
                .body("nextFollowUpDue", equalTo(today.minusDays(6).toString()));

        List<Map<String, Object>> raised = await().atMost(Duration.ofSeconds(15)).until(() -> reminderAlerts(species.id()),
                list -> list.size() == 1);
        Map<String, Object> alert = raised.get(0);
        assertEquals("MEDIUM", alert.get("severity"));
        assertEquals(MENGZHOU, alert.get("countyCode"));
        assertTrue(((String) alert.get("notes")).contains(caseId));

        // The deliveries were written with the alert, in its transaction: the other unit's subscription has none.
        as(Roles.BUREAU, unit).when().get("/subscriptions/" + mine + "/deliveries").then().statusCode(200)
                .body("", hasSize(1)).body("[0].eventType", equalTo("AlertRaised"))
                .body("[0].alertId", equalTo(alert.get("id")));
        as(Roles.BUREAU, otherUnit).when().get("/subscriptions/" + theirs + "/deliveries").then().statusCode(200)
                .body("", hasSize(0));

        // Again today (this or another replica): nothing new.
        assertFalse(reminders.remind(UUID.fromString(caseId), today));
        assertTrue(reminders.overdue(today).contains(UUID.fromString(caseId)), "still overdue, already reminded");
        assertEquals(1, reminderAlerts(species.id()).size());

        // Still not surveyed a period later: one reminder for that period, once.
        assertTrue(reminders.remind(UUID.fromString(caseId), today.plusDays(14)));
        assertFalse(reminders.remind(UUID.fromString(caseId), today.plusDays(15)));
        assertEquals(2, reminderAlerts(species.id()).size());

        // Surveyed: due again in 14 days, nothing overdue until then.
        ControlCaseTest.followUp(caseId, today, true).then().statusCode(201)
                .body("nextFollowUpDue", equalTo(today.plusDays(14).toString()));
        assertFalse(reminders.overdue(today.plusDays(14)).contains(UUID.fromString(caseId)));
        assertFalse(reminders.remind(UUID.fromString(caseId), today.plusDays(14)));
        assertTrue(reminders.overdue(today.plusDays(15)).contains(UUID.fromString(caseId)));
    }
}
