package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.BOAI;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.CST;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.nationalClassOne;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTECTED_SPECIES: national class I records become INFO alerts, one per species, county and day. */
@QuarkusTest
class ProtectedSpeciesRuleTest extends ObservationEventsFixture {

    @Test
    void records_of_a_national_class_one_species_are_aggregated_into_one_info_alert_per_day() {
        SpeciesSnapshot leopard = nationalClassOne(newSpeciesId(), true);
        OffsetDateTime morning = OffsetDateTime.now(CST).minusDays(2).withHour(7);
        events.recorded(observation(leopard, BOAI, null, morning));
        events.recorded(observation(leopard, BOAI, null, morning.plusHours(9)));
        events.recorded(observation(leopard, BOAI, null, morning.plusDays(1)));

        List<Map<String, Object>> alerts = awaitAlerts(leopard.id(), 2,
                l -> l.stream().mapToInt(a -> ((Number) a.get("observationCount")).intValue()).sum() == 3);
        assertTrue(alerts.stream().allMatch(a -> "INFO".equals(a.get("severity"))
                && "PROTECTED_SPECIES".equals(a.get("rule")) && "OPEN".equals(a.get("status"))));
        assertEquals(List.of(1, 2), alerts.stream().map(a -> ((Number) a.get("observationCount")).intValue()).sorted()
                .toList(), "two records on the first day, one on the next");
        @SuppressWarnings("unchecked")
        Map<String, Object> location = (Map<String, Object>) alerts.get(0).get("location");
        assertEquals(true, location.get("obscured"), "the leopard's point is generalized");
    }

    @Test
    void an_alert_on_a_sensitive_species_does_not_name_the_plot_it_was_seen_in() {
        // A plot is far smaller than the 0.1° cell: naming it would undo the generalization.
        SpeciesSnapshot leopard = nationalClassOne(newSpeciesId(), true);
        String plot = BOAI + "-" + newSpeciesId();
        events.recorded(observation(leopard, BOAI, plot, OffsetDateTime.now(CST).minusHours(3)));

        Map<String, Object> alert = awaitAlerts(leopard.id(), 1, l -> true).get(0);
        assertEquals(null, alert.get("plotCode"));
        String history = io.restassured.RestAssured.given()
                .header("Authorization", cn.jiaozuo.biodiversity.testsupport.TestTokens.bearer("bureau"))
                .get("/alerts/" + alert.get("id")).then().statusCode(200).extract().asString();
        assertTrue(!history.contains(plot), "the plot appears nowhere in the alert: " + history);
    }
}
