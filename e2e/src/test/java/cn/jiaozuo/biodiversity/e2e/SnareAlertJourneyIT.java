package cn.jiaozuo.biodiversity.e2e;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.ALERTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.PATROLS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A ranger of 博爱县 sights a 林麝 (forest musk deer, sensitive) on a Taihang slope. That afternoon a team walks the
 * slope with a phone app recording GPX and marks a waypoint "钢丝套" where they cut a snare a few hundred metres from
 * the deer. Back at the station the ranger uploads the GPX and confirms the waypoint as a SNARE: alert-service raises
 * a CRITICAL ENFORCEMENT alert for the bureau, generalized so that it gives away neither the deer nor the snare's
 * exact place, and the walk counts in 博爱县's patrol effort, split by the county outline the stack loaded.
 */
class SnareAlertJourneyIT {

    private static final String BOAI = "410822";
    private static final String MUSK_DEER = "Moschus berezovskii"; // 林麝, national class I, sensitive
    private static final long MUSK_DEER_ID = 2;

    @Test
    void a_snare_confirmed_from_a_gpx_waypoint_near_a_musk_deer_becomes_a_critical_generalized_alert_and_effort() {
        Instant testStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double deerLat = 35.20 + random.nextDouble(0.04);
        double deerLon = 113.04 + random.nextDouble(0.04);

        // The deer: once alert-service has counted it (its PROTECTED_SPECIES alert), it knows the sighting's point.
        long countedBefore = muskDeerObservationsCounted();
        as("ranger", OBSERVATIONS).body(Sightings.sightingAt(MUSK_DEER, BOAI, deerLat, deerLon)).post("/observations")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> muskDeerObservationsCounted() > countedBefore);

        // The walk: 21 fixes a minute apart from 600 m south-west of the deer, the snare 300 m from it.
        String ranger = "ranger-ba-" + UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).truncatedTo(ChronoUnit.MINUTES);
        double snareLat = deerLat - 0.0020;
        double snareLon = deerLon - 0.0020;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= 20; i++) {
            points.append(String.format(Locale.ROOT, "<trkpt lat=\"%.6f\" lon=\"%.6f\"><ele>612.4</ele><time>%s</time></trkpt>%n",
                    deerLat - 0.0040 + i * 0.0002, deerLon - 0.0040 + i * 0.0002, start.plusMinutes(i).toInstant()));
        }
        String gpx = """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="OsmAnd 4.7" xmlns="http://www.topografix.com/GPX/1/1">
                  <metadata><name>博爱巡护</name><time>%s</time></metadata>
                  <wpt lat="%.6f" lon="%.6f"><time>%s</time><name>钢丝套</name><desc>两处钢丝套，已拆除</desc></wpt>
                  <trk><name>博爱巡护</name><trkseg>
                %s  </trkseg></trk>
                </gpx>
                """.formatted(start.toInstant(), snareLat, snareLon, start.plusMinutes(10).toInstant(), points);
        JsonPath patrol = as("ranger", ranger, PATROLS).contentType("application/gpx+xml")
                .queryParam("mandate", "ROUTINE").queryParam("transport", "FOOT").queryParam("countyCode", BOAI)
                .body(gpx.getBytes(StandardCharsets.UTF_8)).post("/patrols/gpx").then().statusCode(201)
                .body("candidates[0].suggestedType", equalTo("SNARE")).body("candidates[0].incidentUuid", nullValue())
                .body("incidentCount", equalTo(0)).extract().jsonPath();
        String uuid = patrol.getString("uuid");

        // Confirmed at the station: the incident takes the waypoint's point and time.
        String incident = as("ranger", ranger, PATROLS).body(Map.of("type", "SNARE", "actionTaken", "REMOVED", "count", 2))
                .post("/patrols/" + uuid + "/candidates/0/incident").then().statusCode(201)
                .body("type", equalTo("SNARE")).extract().path("uuid");

        // The bureau's alert: CRITICAL for the deer nearby, shown in the snare's 0.1° cell, with nothing that leads
        // back to the deer's sighting, the patrol or the incident.
        Map<String, Object> alert = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> enforcementAlertIn(cell(snareLat), cell(snareLon), testStart), a -> a != null);
        JsonPath detail = as("bureau", ALERTS).get("/alerts/" + alert.get("id")).then().statusCode(200)
                .body("rule", equalTo("ENFORCEMENT")).body("severity", equalTo("CRITICAL"))
                .body("countyCode", equalTo(BOAI)).body("location.obscured", equalTo(true)).extract().jsonPath();
        String reason = detail.getString("reason");
        assertNotNull(reason);
        assertTrue(reason.contains("sensitive species"), reason);
        assertFalse(reason.contains(MUSK_DEER) || reason.contains("林麝"), "the reason names no sighting: " + reason);
        String whole = as("bureau", ALERTS).get("/alerts/" + alert.get("id")).then().extract().asString();
        for (String secret : List.of(uuid, incident, String.format(Locale.ROOT, "%.4f", snareLat),
                String.format(Locale.ROOT, "%.4f", deerLat))) {
            assertFalse(whole.contains(secret), "the alert does not carry " + secret + ": " + whole);
        }

        // The patrol counts in 博爱县's effort, split by the county outline the stack loaded.
        JsonPath stored = as("bureau", PATROLS).get("/patrols/" + uuid).then().statusCode(200)
                .body("incidentCount", equalTo(1)).body("incidents[0].uuid", equalTo(incident))
                .body("candidates[0].incidentUuid", equalTo(incident)).extract().jsonPath();
        double km = stored.getDouble("effort.distanceKm");
        assertEquals(0.574, km, 0.01, "twenty legs of 29 m walked");
        assertEquals(BOAI, stored.getString("areas.find { it.kind == 'COUNTY' }.id"), "the walk lies in 博爱县's outline");
        assertEquals(km, stored.getDouble("areas.find { it.kind == 'COUNTY' }.distanceKm"), 0.01);
        JsonPath effort = as("bureau", PATROLS).queryParam("from", start.minusHours(1).toString())
                .queryParam("to", start.plusHours(1).toString()).queryParam("groupBy", "county")
                .get("/patrol-effort").then().statusCode(200).extract().jsonPath();
        String group = "groups.find { it.key == '" + BOAI + "' }";
        assertTrue(effort.getDouble(group + ".distanceKm") >= km - 0.001, "the county's km include the walk");
        assertTrue(effort.getInt(group + ".incidentsByType.SNARE") >= 1, "and its snare");
    }

    /** Observations alert-service has counted in PROTECTED_SPECIES alerts of 林麝 in 博爱县, whatever their status. */
    private static long muskDeerObservationsCounted() {
        List<Map<String, Object>> items = as("bureau", ALERTS).queryParam("rule", "PROTECTED_SPECIES")
                .queryParam("speciesId", MUSK_DEER_ID).queryParam("countyCode", BOAI).queryParam("limit", 200)
                .get("/alerts").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().mapToLong(a -> ((Number) a.get("observationCount")).longValue()).sum();
    }

    private static Map<String, Object> enforcementAlertIn(double cellLat, double cellLon, Instant since) {
        List<Map<String, Object>> items = as("bureau", ALERTS).queryParam("rule", "ENFORCEMENT").queryParam("countyCode", BOAI)
                .queryParam("severity", "CRITICAL").get("/alerts").then().statusCode(200).extract().jsonPath().getList("items");
        for (Map<String, Object> a : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> location = (Map<String, Object>) a.get("location");
            Instant created = Instant.parse(a.get("createdAt").toString());
            if (!created.isBefore(since.truncatedTo(ChronoUnit.HOURS))
                    // JsonPath reads decimals as floats: a cell centre such as 35.15 comes back as 35.1500015.
                    && Math.abs(((Number) location.get("lat")).doubleValue() - cellLat) < 1e-4
                    && Math.abs(((Number) location.get("lon")).doubleValue() - cellLon) < 1e-4) {
                return a;
            }
        }
        return null;
    }

    /** The centre of the 0.1° cell a coordinate lies in, as generalized points are shown. */
    private static double cell(double degrees) {
        return Math.floor(degrees * 10) / 10 + 0.05;
    }
}
