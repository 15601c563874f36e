package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.CST;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.XIUWU;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.alert;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Aggregation instead of alert storms: later observations attach to the live alert, it escalates
 * to CRITICAL once at the threshold, and a rejected review withdraws an observation.
 */
@QuarkusTest
class AlertAggregationTest extends ObservationEventsFixture {

    @BeforeEach
    void escalationRuleAsAssumed() {
        // The escalation rule as the tests assume it, whatever another test changed.
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json")
                .body(Map.of("enabled", true, "escalationThreshold", 5, "escalationWindowDays", 7))
                .when().put("/rules/INVASIVE_SPECIES").then().statusCode(200);
    }

    @Test
    void later_observations_attach_to_the_open_alert_instead_of_raising_new_ones() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        OffsetDateTime first = OffsetDateTime.now(CST).minusHours(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<UUID> uuids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObservationSnapshot o = observation(species, JIEFANG, null, first.plusHours(i));
            uuids.add(o.uuid());
            events.recorded(o);
        }

        Map<String, Object> alert = awaitAlerts(species.id(), 1, l -> ((Number) l.get(0).get("observationCount")).intValue() == 3)
                .get(0);
        assertEquals("CRITICAL", alert.get("severity"), "the first record in the county set the severity");
        var detail = alert(alert.get("id"));
        assertEquals(first.toInstant(), OffsetDateTime.parse(detail.getString("firstObservedAt")).toInstant());
        assertEquals(first.plusHours(2).toInstant(), OffsetDateTime.parse(detail.getString("lastObservedAt")).toInstant());
        assertEquals(uuids.stream().map(UUID::toString).toList(), detail.getList("observationUuids"));
        assertEquals(List.of("RAISED", "OBSERVATION_ADDED", "OBSERVATION_ADDED"), detail.getList("history.action"));
        assertEquals(2, events.kafka().await(Topics.ALERTS, r -> r.value().contains("\"speciesId\":" + species.id())
                && "AlertUpdated".equals(new String(r.headers().lastHeader("eventType").value())), 2,
                Duration.ofSeconds(10)).size());
    }

    @Test
    void a_high_alert_escalates_to_critical_once_when_five_observations_fall_within_seven_days() {
        SpeciesSnapshot species = raisedAndResolvedOnce(XIUWU);
        OffsetDateTime start = OffsetDateTime.now(CST).minusDays(3);
        for (int i = 0; i < 4; i++) {
            events.recorded(observation(species, XIUWU, null, start.plusHours(i)));
        }
        Map<String, Object> high = awaitAlerts(species.id(), 2, l -> l.stream().anyMatch(a -> "OPEN".equals(a.get("status"))
                && ((Number) a.get("observationCount")).intValue() == 4)).stream()
                .filter(a -> "OPEN".equals(a.get("status"))).findFirst().orElseThrow();
        assertEquals("HIGH", high.get("severity"), "four observations stay below the threshold");

        events.recorded(observation(species, XIUWU, null, start.plusHours(5)));
        ObservationSnapshot sixth = observation(species, XIUWU, null, start.plusHours(6));
        events.recorded(sixth);

        awaitAlerts(species.id(), 2, l -> l.stream().anyMatch(a -> high.get("id").equals(a.get("id"))
                && ((Number) a.get("observationCount")).intValue() == 6));
        var detail = alert(high.get("id"));
        assertEquals("CRITICAL", detail.getString("severity"));
        assertEquals(1, detail.getList("history.action").stream().filter("ESCALATED"::equals).count(),
                "escalation happens once, not again on the sixth observation");
        long sentinel = events.awaitConsumed(sixth);
        assertEquals(1, events.kafka().beforeSentinel(Topics.ALERTS, r -> r.value().contains("\"speciesId\":" + sentinel),
                r -> r.value().contains(high.get("id").toString())
                        && "AlertEscalated".equals(new String(r.headers().lastHeader("eventType").value())),
                Duration.ofSeconds(10)).size());
    }

    @Test
    void observations_spread_over_more_than_seven_days_do_not_escalate() {
        SpeciesSnapshot species = raisedAndResolvedOnce(XIUWU);
        OffsetDateTime start = OffsetDateTime.now(CST).minusDays(30);
        for (int i = 0; i < 5; i++) {
            events.recorded(observation(species, XIUWU, null, start.plusDays(i * 4L)));
        }
        Map<String, Object> live = awaitAlerts(species.id(), 2, l -> l.stream().anyMatch(a -> "OPEN".equals(a.get("status"))
                && ((Number) a.get("observationCount")).intValue() == 5)).stream()
                .filter(a -> "OPEN".equals(a.get("status"))).findFirst().orElseThrow();
        assertEquals("HIGH", live.get("severity"));
        assertFalse(alert(live.get("id")).getList("history.action").contains("ESCALATED"));
    }

    @Test
    void a_rejected_review_withdraws_the_observation_from_its_alert() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        ObservationSnapshot kept = observation(species, JIEFANG);
        ObservationSnapshot wrong = observation(species, JIEFANG);
        events.recorded(kept);
        events.recorded(wrong);
        Object id = awaitAlerts(species.id(), 1, l -> ((Number) l.get(0).get("observationCount")).intValue() == 2)
                .get(0).get("id");

        events.reviewed(ObservationEvents.rejected(wrong));

        awaitAlerts(species.id(), 1, l -> ((Number) l.get(0).get("observationCount")).intValue() == 1);
        var detail = alert(id);
        assertEquals(List.of(kept.uuid().toString()), detail.getList("observationUuids"));
        assertEquals("OBSERVATION_WITHDRAWN", detail.getString("history[-1].action"));
        assertEquals("reviewer-chen", detail.getString("history[-1].actor"));
    }

    @Test
    void a_later_verifying_review_counts_a_withdrawn_observation_again() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        ObservationSnapshot disputed = observation(species, JIEFANG);
        events.recorded(disputed);
        Object id = awaitAlerts(species.id(), 1).get(0).get("id");
        events.reviewed(ObservationEvents.rejected(disputed));
        awaitAlerts(species.id(), 1, l -> ((Number) l.get(0).get("observationCount")).intValue() == 0);

        events.reviewed(ObservationEvents.verified(disputed));

        awaitAlerts(species.id(), 1, l -> ((Number) l.get(0).get("observationCount")).intValue() == 1);
        var detail = alert(id);
        assertEquals(List.of(disputed.uuid().toString()), detail.getList("observationUuids"));
        assertEquals(List.of("RAISED", "OBSERVATION_WITHDRAWN", "OBSERVATION_RESTORED"), detail.getList("history.action"));
    }

    /**
     * Given the species' first record in the county (a CRITICAL alert) acknowledged and resolved:
     * the next observation raises a fresh alert whose severity follows the area.
     */
    private SpeciesSnapshot raisedAndResolvedOnce(String county) {
        SpeciesSnapshot species = invasive(newSpeciesId());
        events.recorded(observation(species, county, null, OffsetDateTime.now(CST).minusDays(60)));
        Object id = awaitAlerts(species.id(), 1).get(0).get("id");
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json").body("{}")
                .when().post("/alerts/" + id + "/acknowledge").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("action", "CONTAINED")).when().post("/alerts/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        return species;
    }
}
