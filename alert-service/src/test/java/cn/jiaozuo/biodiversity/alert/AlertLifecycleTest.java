package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.MENGZHOU;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** OPEN → ACKNOWLEDGED → RESOLVED by the bureau; anything else is a 409 problem. */
@QuarkusTest
class AlertLifecycleTest extends ObservationEventsFixture {

    private String openAlert(SpeciesSnapshot species) {
        events.recorded(observation(species, MENGZHOU));
        return (String) awaitAlerts(species.id(), 1).get(0).get("id");
    }

    @Test
    void the_bureau_acknowledges_then_resolves_and_each_step_is_published_and_in_the_history() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String id = openAlert(species);

        given().header("Authorization", TestTokens.bearer(Roles.BUREAU, "bureau-zhang")).contentType("application/json")
                .body(Map.of("notes", "Forestry station informed"))
                .when().post("/alerts/" + id + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("notes", equalTo("Forestry station informed"));

        given().header("Authorization", TestTokens.bearer(Roles.BUREAU, "bureau-zhang")).contentType("application/json")
                .body(Map.of("action", "ERADICATED", "notes", "Snails removed from the ditch"))
                .when().post("/alerts/" + id + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("resolution", equalTo("ERADICATED"))
                .body("history.action", hasItems("RAISED", "ACKNOWLEDGED", "RESOLVED"))
                .body("history.actor", hasItem("bureau-zhang"));

        var published = events.kafka().await(Topics.ALERTS, r -> r.value().contains(id), 3, Duration.ofSeconds(10));
        assertEquals(List.of("AlertRaised", "AlertAcknowledged", "AlertResolved"),
                published.stream().map(r -> new String(r.headers().lastHeader("eventType").value())).toList(),
                "in order, on one partition (key = county)");
    }

    @Test
    void an_acknowledged_alert_keeps_aggregating_and_a_resolved_one_does_not() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String id = openAlert(species);
        acknowledge(id).then().statusCode(200);

        events.recorded(observation(species, MENGZHOU));
        awaitAlerts(species.id(), 1, l -> ((Number) l.get(0).get("observationCount")).intValue() == 2);

        resolve(id, "MONITORING").then().statusCode(200);
        events.recorded(observation(species, MENGZHOU));
        List<Map<String, Object>> alerts = awaitAlerts(species.id(), 2);
        Map<String, Object> fresh = alerts.stream().filter(a -> !id.equals(a.get("id"))).findFirst().orElseThrow();
        assertEquals("OPEN", fresh.get("status"));
        assertEquals("HIGH", fresh.get("severity"), "no longer the first record in the county; Mengzhou is a priority area");
    }

    @Test
    void acknowledging_while_observations_stream_in_loses_neither_the_acknowledgement_nor_an_observation() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String id = openAlert(species);
        for (int i = 0; i < 30; i++) {
            events.recorded(observation(species, MENGZHOU));
        }

        acknowledge(id).then().statusCode(200);

        awaitAlerts(species.id(), 1, l -> ((Number) l.get(0).get("observationCount")).intValue() == 31);
        assertEquals("ACKNOWLEDGED", ObservationEvents.alert(id).getString("status"));
        // A poison record on the same partition, dead-lettered after whatever came before it.
        String sentinel = "sentinel-" + UUID.randomUUID();
        events.sendRaw(observation(species, MENGZHOU).key(), "{not json " + sentinel);
        assertEquals(0, events.kafka().beforeSentinel(Topics.OBSERVATIONS_DLQ, r -> r.value().contains(sentinel),
                r -> r.value().contains("\"id\":" + species.id()), Duration.ofSeconds(15)).size(),
                "no observation was dead-lettered by a lock conflict");
    }

    @Test
    void illegal_transitions_are_409_problems() {
        String id = openAlert(invasive(newSpeciesId()));

        resolve(id, "CONTAINED").then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409));
        acknowledge(id).then().statusCode(200);
        acknowledge(id).then().statusCode(409).contentType("application/problem+json");
        resolve(id, "FALSE_ALARM").then().statusCode(200);
        resolve(id, "FALSE_ALARM").then().statusCode(409);
        acknowledge(id).then().statusCode(409);
    }

    @Test
    void resolving_needs_a_known_action() {
        String id = openAlert(invasive(newSpeciesId()));
        acknowledge(id).then().statusCode(200);

        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("notes", "no action")).when().post("/alerts/" + id + "/resolve")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("action"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("action", "BURNT_DOWN")).when().post("/alerts/" + id + "/resolve")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("action"));
    }

    @Test
    void an_unknown_alert_is_a_404_problem() {
        acknowledge(UUID.randomUUID().toString()).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).when().get("/alerts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void only_the_bureau_changes_the_lifecycle_and_only_staff_read() {
        String id = openAlert(invasive(newSpeciesId()));

        for (String role : List.of(Roles.RANGER, Roles.STATION, Roles.REVIEWER, Roles.ADMIN)) {
            given().header("Authorization", TestTokens.bearer(role)).contentType("application/json").body("{}")
                    .when().post("/alerts/" + id + "/acknowledge").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String role : List.of(Roles.RANGER, Roles.STATION)) {
            given().header("Authorization", TestTokens.bearer(role)).when().get("/alerts").then().statusCode(403);
            given().header("Authorization", TestTokens.bearer(role)).when().get("/alerts/" + id).then().statusCode(403);
        }
        given().when().get("/alerts").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.foreignToken(Roles.BUREAU)).when().get("/alerts").then().statusCode(401);
        given().contentType("application/json").body("{}").when().post("/alerts/" + id + "/acknowledge")
                .then().statusCode(401);
        for (String role : List.of(Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN)) {
            given().header("Authorization", TestTokens.bearer(role)).when().get("/alerts/" + id).then().statusCode(200)
                    .body("status", equalTo("OPEN"));
        }
    }

    private io.restassured.response.Response acknowledge(String id) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json").body("{}")
                .when().post("/alerts/" + id + "/acknowledge");
    }

    private io.restassured.response.Response resolve(String id, String action) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("action", action)).when().post("/alerts/" + id + "/resolve");
    }
}
