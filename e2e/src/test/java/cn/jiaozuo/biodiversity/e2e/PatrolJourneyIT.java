package cn.jiaozuo.biodiversity.e2e;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.PATROLS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jiaozuo.biodiversity.common.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A ranger team of 修武县 walks a patrol near 云台山 and finds snares. The ranger's app posts the patrol with its GPS
 * track (GeoJSON) and the incident; the ranger reads it back with the effort it adds up to, the forestry bureau sees
 * it and counts it in the effort report, the partner may export the track, a ranger of another team sees the patrol
 * but not where it went, and the patrols topic carries PatrolRecorded and IncidentReported for the consumers to come.
 */
class PatrolJourneyIT {

    private static final String XIUWU = "410821";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_patrol_with_a_snare_reaches_its_team_the_bureau_and_the_topic_but_not_its_track_other_rangers() throws IOException {
        String ranger = "ranger-xw-" + UUID.randomUUID();
        String partner = "ranger-xw-" + UUID.randomUUID();
        String uuid = UUID.randomUUID().toString();
        // This morning's walk (a few hours ago, in China's time): 21 fixes a minute apart, north-east at about 2.6 km/h.
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        List<List<Double>> coordinates = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            coordinates.add(List.of(113.35 + i * 0.0003, 35.40 + i * 0.0003));
            times.add(start.plusMinutes(i).toString());
        }
        Map<String, Object> patrol = Map.of("uuid", uuid, "mandate", "ROUTINE", "transport", "FOOT", "countyCode", XIUWU,
                "team", List.of(ranger, partner), "startedAt", start.toString(), "endedAt", start.plusMinutes(20).toString(),
                "track", Map.of("type", "LineString", "coordinates", coordinates, "times", times),
                "notes", "沿茱萸峰北坡巡护",
                "incidents", List.of(Map.of("type", "SNARE", "actionTaken", "REMOVED",
                        "location", Map.of("lat", 35.403, "lon", 113.353), "observedAt", start.plusMinutes(10).toString(),
                        "count", 3, "notes", "三处钢丝套，已拆除")));
        double km = walkedKm(coordinates);

        as("ranger", ranger, PATROLS).body(patrol).post("/patrols").then().statusCode(201)
                .header("Location", endsWith("/patrols/" + uuid));

        // The ranger reads it back in full, with the effort derived from the track.
        JsonPath own = as("ranger", ranger, PATROLS).get("/patrols/" + uuid).then().statusCode(200)
                .body("detail", equalTo("FULL")).body("recordedBy", equalTo(ranger))
                .body("effort.trackPoints", equalTo(21)).body("effort.keptPoints", equalTo(21))
                .body("effort.speedChecked", equalTo(true))
                .body("track.type", equalTo("MultiLineString")).body("track.coordinates[0]", hasSize(21))
                .body("incidentCount", equalTo(1)).body("incidents[0].type", equalTo("SNARE"))
                .body("incidents[0].count", equalTo(3)).extract().jsonPath();
        assertEquals(km, own.getDouble("effort.distanceKm"), km * 0.01);
        assertEquals(20 / 60.0, own.getDouble("effort.durationHours"), 0.001);

        // The bureau sees the patrol, finds it by ranger, and counts its km and snare in the effort report.
        as("bureau", PATROLS).get("/patrols/" + uuid).then().statusCode(200)
                .body("detail", equalTo("FULL")).body("track.coordinates[0]", hasSize(21));
        as("bureau", PATROLS).queryParam("ranger", ranger).get("/patrols").then().statusCode(200)
                .body("items.uuid", equalTo(List.of(uuid)));
        String group = "groups.find { it.key == '" + ranger + "' }";
        JsonPath effort = as("bureau", PATROLS).queryParam("from", start.minusHours(1).toInstant().toString())
                .queryParam("to", start.plusHours(1).toInstant().toString()).queryParam("groupBy", "ranger")
                .get("/patrol-effort").then().statusCode(200)
                .body(group + ".patrols", equalTo(1)).body(group + ".incidentsByType.SNARE", equalTo(1))
                .extract().jsonPath();
        assertEquals(km, effort.getDouble(group + ".distanceKm"), km * 0.01);

        // A ranger of another team sees that the patrol happened, not where it went nor where the snares were; the
        // partner, a team member, may export the track.
        String stranger = "ranger-wz-" + UUID.randomUUID();
        JsonPath summary = as("ranger", stranger, PATROLS).get("/patrols/" + uuid).then().statusCode(200)
                .body("detail", equalTo("SUMMARY")).body("track", nullValue()).body("incidents", nullValue())
                .body("droppedPoints", nullValue()).body("notes", nullValue())
                .body("incidentCount", equalTo(1)).extract().jsonPath();
        assertEquals(km, summary.getDouble("effort.distanceKm"), km * 0.01);
        as("ranger", stranger, PATROLS).accept("application/geo+json").get("/patrols/" + uuid + ".geojson").then().statusCode(404);
        as("ranger", partner, PATROLS).accept("application/geo+json").get("/patrols/" + uuid + ".geojson").then().statusCode(200);

        // Topic patrols: the patrol, then its incident, keyed by the patrol, each once; the track stays in the service.
        List<ConsumerRecord<String, String>> events = TopicReader.read(Topics.PATROLS, r -> uuid.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertEquals(List.of("PatrolRecorded", "IncidentReported"), events.stream()
                .map(r -> new String(r.headers().lastHeader(Topics.HEADER_EVENT_TYPE).value(), StandardCharsets.UTF_8)).toList());
        JsonNode recorded = JSON.readTree(events.get(0).value()).path("data");
        assertEquals(List.of(uuid, XIUWU, ranger, "1"), List.of(recorded.path("uuid").asText(), recorded.path("countyCode").asText(),
                recorded.path("recordedBy").asText(), recorded.path("incidentCount").asText()));
        assertFalse(recorded.has("track"), "tracks stay in patrol-service");
        JsonNode snare = JSON.readTree(events.get(1).value()).path("data");
        assertEquals(List.of("SNARE", uuid, XIUWU), List.of(snare.path("type").asText(), snare.path("patrolUuid").asText(),
                snare.path("countyCode").asText()));
    }

    /**
     * The walk's length on a sphere of the Earth's mean radius (haversine): within a few parts per thousand of the
     * service's ellipsoidal distance at Jiaozuo's latitude, which is all a journey needs to tell a real effort.
     */
    private static double walkedKm(List<List<Double>> coordinates) {
        double km = 0;
        for (int i = 1; i < coordinates.size(); i++) {
            double lat1 = Math.toRadians(coordinates.get(i - 1).get(1));
            double lat2 = Math.toRadians(coordinates.get(i).get(1));
            double dLat = lat2 - lat1;
            double dLon = Math.toRadians(coordinates.get(i).get(0) - coordinates.get(i - 1).get(0));
            double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
            km += 2 * 6371.0088 * Math.asin(Math.sqrt(h));
        }
        return km;
    }
}
