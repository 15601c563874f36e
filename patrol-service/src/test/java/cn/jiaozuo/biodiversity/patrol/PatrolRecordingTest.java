package cn.jiaozuo.biodiversity.patrol;

import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.START;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.patrol;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.post;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.ranger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.geo.Gcj02;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;

/** Recording a patrol from an app: idempotent by uuid, GCJ-02 converted, every rule a 400 naming its field. */
@QuarkusTest
class PatrolRecordingTest {

    @Test
    void a_ranger_records_a_patrol_and_gets_it_back_in_full() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        JsonPath stored = post(ranger, body).statusCode(201).header("Location", containsString("/patrols/" + body.get("uuid")))
                .body("detail", equalTo("FULL")).body("source", equalTo("JSON")).body("recordedBy", equalTo(ranger))
                .body("countyCode", equalTo("410821")).body("team", hasItems(ranger))
                .body("startedAt", equalTo("2025-05-13T23:30:00Z")).body("effort.trackPoints", equalTo(21))
                .body("effort.keptPoints", equalTo(21)).body("effort.speedChecked", equalTo(true))
                .body("effort.durationHours", equalTo(0.333f)).body("incidentCount", equalTo(1))
                .body("incidents[0].type", equalTo("SNARE")).body("incidents[0].actionTaken", equalTo("REMOVED"))
                .body("incidents[0].count", equalTo(3)).body("incidents[0].speciesId", equalTo(12))
                .body("incidents[0].media[0].url", equalTo("https://media.example.cn/snare.jpg"))
                .body("track.type", equalTo("MultiLineString")).body("track.coordinates[0]", hasSize(21))
                .body("track.times[0][0]", equalTo("2025-05-13T23:30:00Z")).body("droppedPoints", hasSize(0))
                .body("candidates", hasSize(0)).body("areas", hasSize(0))
                .extract().jsonPath();
        // 20 legs of 0.0003° north and east each, measured independently with GeographicLib.
        double expected = 0;
        for (int i = 1; i < 21; i++) {
            expected += Geodesic.WGS84.Inverse(35.40 + (i - 1) * 0.0003, 113.35 + (i - 1) * 0.0003,
                    35.40 + i * 0.0003, 113.35 + i * 0.0003).s12;
        }
        assertEquals(Math.round(expected) / 1000.0, stored.getDouble("effort.distanceKm"), 0.0011);
    }

    @Test
    void the_same_request_again_is_a_replay_with_the_stored_patrol() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        String incident = post(ranger, body).statusCode(201).extract().path("incidents[0].uuid");
        post(ranger, body).statusCode(200).body("uuid", equalTo(body.get("uuid"))).body("incidents[0].uuid", equalTo(incident));
    }

    @Test
    void the_same_uuid_with_other_content_or_from_another_ranger_is_a_409() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        post(ranger, body).statusCode(201);
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("mandate", "FIRE_WATCH");
        post(ranger, changed).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("new uuid"));
        post(ranger(), body).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void gcj02_points_are_stored_in_wgs84_within_a_metre() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        double[][] truth = {{35.4001, 113.3501}, {35.4013, 113.3512}, {35.4021, 113.3523}};
        List<List<Double>> sent = new ArrayList<>();
        for (double[] p : truth) {
            Gcj02.LatLon gcj = Gcj02.fromWgs84(p[0], p[1]);
            sent.add(List.of(gcj.lon(), gcj.lat()));
        }
        body.put("datum", "GCJ02");
        body.put("track", Map.of("type", "LineString", "coordinates", sent));
        Gcj02.LatLon snare = Gcj02.fromWgs84(35.4013, 113.3512);
        Map<String, Object> incident = new HashMap<>(PatrolFixtures.incident());
        incident.put("location", Map.of("lat", snare.lat(), "lon", snare.lon()));
        body.put("incidents", List.of(incident));
        JsonPath stored = post(ranger, body).statusCode(201).body("datum", equalTo("GCJ02"))
                .body("effort.speedChecked", equalTo(false)).body("track.times", nullValue()).extract().jsonPath();
        for (int i = 0; i < truth.length; i++) {
            List<Float> position = stored.getList("track.coordinates[0][" + i + "]");
            double error = Geodesic.WGS84.Inverse(truth[i][0], truth[i][1], position.get(1), position.get(0)).s12;
            assertTrue(error < 1, "track point " + i + " is " + error + " m from the truth");
        }
        double error = Geodesic.WGS84.Inverse(35.4013, 113.3512, stored.getDouble("incidents[0].location.lat"),
                stored.getDouble("incidents[0].location.lon")).s12;
        assertTrue(error < 1, "the incident is " + error + " m from the truth");
    }

    @Test
    void every_broken_rule_is_named_in_one_400() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        body.put("countyCode", "110101");
        body.put("team", List.of(ranger, ranger));
        body.put("endedAt", START.minusMinutes(5).toString());
        List<List<Double>> positions = new ArrayList<>(PatrolFixtures.walk(5));
        positions.set(2, List.of(213.0, 35.4));
        body.put("track", Map.of("type", "LineString", "coordinates", positions));
        Map<String, Object> incident = new HashMap<>(PatrolFixtures.incident());
        incident.put("location", Map.of("lat", 39.9, "lon", 116.4));
        incident.put("count", 0);
        incident.remove("type");
        body.put("incidents", List.of(incident));
        body.put("mandate", null);
        post(ranger, body).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("countyCode", "team[1]", "endedAt", "track.coordinates[2]",
                        "incidents[0].location", "incidents[0].count", "incidents[0].type", "mandate"));
    }

    @Test
    void an_incident_outside_the_patrols_time_is_a_400() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        Map<String, Object> incident = new HashMap<>(PatrolFixtures.incident());
        incident.put("observedAt", START.plusHours(3).toString());
        body.put("incidents", List.of(incident));
        post(ranger, body).statusCode(400).body("violations[0].field", equalTo("incidents[0].observedAt"))
                .body("violations[0].message", containsString("within the patrol"));
    }

    @Test
    void a_track_that_is_no_line_string_or_has_swapped_axes_is_a_400() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        body.put("track", Map.of("type", "Polygon", "coordinates", List.of()));
        post(ranger, body).statusCode(400).body("violations[0].field", equalTo("track.type"));
        body.put("track", Map.of("type", "MultiLineString", "coordinates", List.of(List.of(List.of(113.35, 35.4)))));
        post(ranger, body).statusCode(400).body("violations[0].field", equalTo("track.coordinates[0]"))
                .body("violations[0].message", containsString("two positions"));
        body.put("track", Map.of("type", "LineString", "coordinates", List.of(List.of(35.40, 113.35), List.of(35.41, 113.36))));
        post(ranger, body).statusCode(400).body("violations[0].field", equalTo("track.coordinates[0]"))
                .body("violations[0].message", containsString("swapped"));
        body.put("track", Map.of("type", "LineString", "coordinates", List.of(List.of(116.40, 39.90), List.of(116.41, 39.91))));
        post(ranger, body).statusCode(400).body("violations[0].field", equalTo("track"))
                .body("violations[0].message", containsString("no point in Jiaozuo"));
        body.put("track", Map.of("type", "LineString", "coordinates", PatrolFixtures.walk(3),
                "times", List.of(START.toString(), "yesterday")));
        post(ranger, body).statusCode(400).body("violations[0].field", equalTo("track.times"));
    }

    @Test
    void an_unknown_mandate_lists_the_allowed_ones() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        body.put("mandate", "PICNIC");
        post(ranger, body).statusCode(400).body("violations[0].field", equalTo("mandate"))
                .body("violations[0].message", containsString("JOINT_ENFORCEMENT"));
    }

    @Test
    void more_points_or_incidents_than_the_limits_are_a_413() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        body.put("track", Map.of("type", "LineString", "coordinates", PatrolFixtures.walk(50_001)));
        post(ranger, body).statusCode(413).contentType("application/problem+json").body("detail", containsString("50000"));
        body = patrol(ranger);
        List<Object> incidents = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            incidents.add(PatrolFixtures.incident());
        }
        body.put("incidents", incidents);
        post(ranger, body).statusCode(413).body("detail", containsString("500"));
    }

    @Test
    void only_rangers_record_patrols() {
        Map<String, Object> body = patrol(ranger());
        for (String role : List.of(Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN, Roles.STATION)) {
            given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON).body(body)
                    .when().post("/patrols").then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(body).when().post("/patrols").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON)
                .body(Map.of("uuid", UUID.randomUUID().toString())).when().post("/patrols").then().statusCode(400);
    }
}
