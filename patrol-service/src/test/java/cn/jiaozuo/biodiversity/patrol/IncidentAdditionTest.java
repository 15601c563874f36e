package cn.jiaozuo.biodiversity.patrol;

import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.START;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.patrol;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.post;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.ranger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Incidents added to a stored patrol (offline-first by the client's uuid) and GPX waypoints confirmed as incidents:
 * who may, the rules, replays and conflicts, and IncidentReported for each new one.
 */
@QuarkusTest
class IncidentAdditionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> added(int minutesIn) {
        Map<String, Object> incident = new HashMap<>();
        incident.put("uuid", UUID.randomUUID().toString());
        incident.put("type", "TRAP");
        incident.put("actionTaken", "CONFISCATED");
        incident.put("location", Map.of("lat", 35.4031, "lon", 113.3538));
        incident.put("observedAt", START.plusMinutes(minutesIn).toString());
        incident.put("count", 2);
        incident.put("notes", "回程发现猎夹两只");
        return incident;
    }

    private static ValidatableResponse add(String role, String subject, String patrol, Object body) {
        return given().header("Authorization", TestTokens.bearer(role, subject)).contentType(ContentType.JSON).body(body)
                .when().post("/patrols/" + patrol + "/incidents").then();
    }

    /** A stored patrol by {@code ranger} (team: the ranger and one partner); returns its uuid and the partner. */
    private static String[] stored(String ranger) {
        Map<String, Object> body = patrol(ranger);
        post(ranger, body).statusCode(201);
        return new String[] {(String) body.get("uuid"), ((List<?>) body.get("team")).get(1).toString()};
    }

    @Test
    void an_added_incident_is_stored_once_reported_once_and_a_changed_copy_is_a_409() throws Exception {
        String ranger = ranger();
        String[] patrol = stored(ranger);
        Map<String, Object> trap = added(15);
        String uuid = (String) trap.get("uuid");
        add(Roles.RANGER, ranger, patrol[0], trap).statusCode(201)
                .body("patrolUuid", equalTo(patrol[0])).body("incidentCount", equalTo(2))
                .body("incidents.uuid", contains(uuid)).body("incidents[0].type", equalTo("TRAP"))
                .body("incidents[0].protectedAreaId", nullValue());
        add(Roles.RANGER, ranger, patrol[0], trap).statusCode(200).body("incidents.uuid", contains(uuid)).body("incidentCount", equalTo(2));

        Map<String, Object> changed = new HashMap<>(trap);
        changed.put("count", 3);
        add(Roles.RANGER, ranger, patrol[0], changed).statusCode(409);
        // The same uuid on another patrol is a conflict too.
        add(Roles.RANGER, ranger, stored(ranger)[0], trap).statusCode(409);

        // A list: the replay and a new one from the partner's app.
        Map<String, Object> fire = added(18);
        fire.put("type", "FIRE");
        add(Roles.RANGER, ranger, patrol[0], List.of(trap, fire)).statusCode(201).body("incidents", hasSize(2))
                .body("incidentCount", equalTo(3));
        given().header("Authorization", TestTokens.bearer(Roles.REVIEWER, "reviewer-" + UUID.randomUUID()))
                .when().get("/patrols/" + patrol[0]).then().statusCode(200).body("incidentCount", equalTo(3))
                .body("incidents.type", contains("SNARE", "TRAP", "FIRE"));

        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> trapEvents = kafka.await(Topics.PATROLS,
                    r -> patrol[0].equals(r.key()) && r.value().contains(uuid), 2, Duration.ofSeconds(15));
            assertEquals(1, trapEvents.size(), "one IncidentReported for the trap, however often it was sent");
            JsonNode event = JSON.readTree(trapEvents.get(0).value());
            assertEquals("IncidentReported", event.path("type").asText());
            assertEquals("TRAP", event.path("data").path("type").asText());
            assertEquals(patrol[0], event.path("data").path("patrolUuid").asText());
            assertEquals(ranger, event.path("data").path("recordedBy").asText());
            assertEquals(2, event.path("data").path("count").asInt());
        }
    }

    @Test
    void a_team_member_may_add_others_may_not_and_the_rules_of_incidents_apply() {
        String ranger = ranger();
        String[] patrol = stored(ranger);
        add(Roles.RANGER, patrol[1], patrol[0], added(5)).statusCode(201);
        add(Roles.RANGER, ranger(), patrol[0], added(5)).statusCode(403);
        add(Roles.BUREAU, "bureau-" + UUID.randomUUID(), patrol[0], added(5)).statusCode(403);
        add(Roles.RANGER, ranger, UUID.randomUUID().toString(), added(5)).statusCode(404);

        // The patrol lasted 20 minutes; 30 minutes' tolerance either side.
        add(Roles.RANGER, ranger, patrol[0], added(60)).statusCode(400)
                .body("violations.field", contains("observedAt"));
        Map<String, Object> noUuid = added(5);
        noUuid.remove("uuid");
        add(Roles.RANGER, ranger, patrol[0], List.of(added(5), added(-45), noUuid)).statusCode(400)
                .body("violations.field", contains("[1].observedAt", "[2].uuid"));
        Map<String, Object> badCount = added(5);
        badCount.put("count", "many");
        add(Roles.RANGER, ranger, patrol[0], List.of(added(5), badCount)).statusCode(400)
                .body("violations.field", contains("[1].count"));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger)).when().get("/patrols/" + patrol[0]).then()
                .statusCode(200).body("incidentCount", equalTo(2)); // nothing of the refused requests was stored
    }

    @Test
    void a_gpx_waypoint_is_confirmed_as_an_incident_once() throws Exception {
        String ranger = ranger();
        Instant start = Instant.parse("2025-05-13T23:30:00Z").plusSeconds((long) (Math.random() * 100_000));
        GarminGpx file = new GarminGpx().waypoint("003", "钢丝套 x3", "Flag, Red", 35.4012, 113.3521, start.plusSeconds(200))
                .segment(GarminGpx.walk(35.40, 113.35, start, 40, 10, 0.00005));
        String patrol = given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger)).contentType("application/gpx+xml")
                .queryParam("mandate", "TARGETED").queryParam("transport", "FOOT").queryParam("countyCode", "410821")
                .body(file.xml().getBytes(StandardCharsets.UTF_8)).when().post("/patrols/gpx").then().statusCode(201)
                .body("candidates[0].incidentUuid", nullValue()).extract().path("uuid");

        String path = "/patrols/" + patrol + "/candidates/0/incident";
        Map<String, Object> details = Map.of("type", "SNARE", "actionTaken", "REMOVED", "count", 3, "notes", "三处钢丝套");
        String incident = given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger)).contentType(ContentType.JSON)
                .body(details).when().post(path).then().statusCode(201)
                .body("type", equalTo("SNARE")).body("count", equalTo(3)).body("location.lat", equalTo(35.4012f))
                .body("observedAt", equalTo(start.plusSeconds(200).toString())).extract().path("uuid");
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger)).contentType(ContentType.JSON)
                .body(details).when().post(path).then().statusCode(409);
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger())).contentType(ContentType.JSON)
                .body(details).when().post(path).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger)).contentType(ContentType.JSON)
                .body(details).when().post("/patrols/" + patrol + "/candidates/7/incident").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger)).contentType(ContentType.JSON)
                .body(Map.of("count", 3)).when().post(path).then().statusCode(400).body("violations.field", contains("type"));

        given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger)).when().get("/patrols/" + patrol).then()
                .statusCode(200).body("incidentCount", equalTo(1)).body("incidents.uuid", contains(incident))
                .body("candidates[0].incidentUuid", equalTo(incident));
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> events = kafka.await(Topics.PATROLS,
                    r -> patrol.equals(r.key()) && r.value().contains(incident), 1, Duration.ofSeconds(30));
            assertEquals(1, events.size());
            assertEquals("IncidentReported", JSON.readTree(events.get(0).value()).path("type").asText());
        }
    }
}
