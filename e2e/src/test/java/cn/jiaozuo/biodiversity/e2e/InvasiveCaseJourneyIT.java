package cn.jiaozuo.biodiversity.e2e;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.ALERTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * From alert to response (plan 行动12). A ranger sights 美国白蛾 in 温县; alert-service raises the INVASIVE_SPECIES
 * alert; the forestry bureau opens a control case from it; a team releases 周氏啮小蜂 against it; negative follow-ups
 * over 60 days (美国白蛾's schedule: 3 negatives spanning at least 60 days) make it ERADICATED, and the bureau resolves
 * the alert. Then wildlife disease surveillance: dead wild ducks reported on the Yellow River shoals of 孟州 add up to
 * 5 within 3 km and 3 days and raise one CRITICAL DISEASE_CLUSTER alert with its emergency checklist — all over HTTP
 * against the packaged services.
 */
class InvasiveCaseJourneyIT {

    private static final String WENXIAN = "410825";
    private static final String MENGZHOU = "410883";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Metres per degree of latitude on the cluster rule's sphere. */
    private static final double M_PER_DEG = 6_371_008.8 * Math.PI / 180;

    @Test
    void a_fall_webworm_sighting_ends_in_an_eradicated_case() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> webworm = Sightings.sightingAt(Sightings.HYPHANTRIA_CUNEA, WENXIAN,
                34.92 + random.nextDouble(0.05), 112.98 + random.nextDouble(0.1));
        as("ranger", OBSERVATIONS).body(webworm).post("/observations").then().statusCode(201);
        String observation = webworm.get("uuid").toString();

        String alertId = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> alertFor(observation), id -> id != null);
        as("bureau", ALERTS).get("/alerts/" + alertId).then().statusCode(200)
                .body("rule", equalTo("INVASIVE_SPECIES")).body("chineseName", equalTo("美国白蛾"));

        JsonPath opened = as("bureau", ALERTS).body(Map.of("alertId", alertId, "radiusM", 300,
                        "responsibleOrg", "wenxian-forestry-station", "notes", "Webs on Populus along the levee"))
                .post("/control-cases").then().statusCode(201)
                .body("status", equalTo("DETECTED")).body("countyCode", equalTo(WENXIAN))
                .body("alertId", equalTo(alertId)).body("schedule.followUpIntervalDays", equalTo(14))
                .body("schedule.negativesToEradicate", equalTo(3)).body("schedule.minEradicationDays", equalTo(60))
                .extract().jsonPath();
        String caseId = opened.getString("id");

        // The schedule spans 60 days, which a test cannot wait: the team's field days are entered as they were, in the
        // past (the service takes any day up to today), oldest first.
        LocalDate today = LocalDate.now(CHINA);
        Map<String, Object> release = Map.of("uuid", UUID.randomUUID().toString(), "performedOn",
                today.minusDays(70).toString(), "method", "BIOLOGICAL_CONTROL", "treatedAreaHa", 2.5,
                "quantity", 300000, "unit", "wasps (周氏啮小蜂)", "team", "温县林业站防治队");
        as("ranger", ALERTS).body(release).post("/control-cases/" + caseId + "/actions").then().statusCode(201)
                .body("status", equalTo("UNDER_CONTROL"));
        // The app retries the same action (it did not see the answer): a replay, not a second release.
        as("ranger", ALERTS).body(release).post("/control-cases/" + caseId + "/actions").then().statusCode(200)
                .body("actions.size()", equalTo(1));

        followUp(caseId, today.minusDays(64)).then().statusCode(201).body("status", equalTo("CONTROLLED"))
                .body("negativeStreak", equalTo(1));
        followUp(caseId, today.minusDays(34)).then().statusCode(201).body("status", equalTo("CONTROLLED"))
                .body("negativeStreak", equalTo(2));
        followUp(caseId, today.minusDays(4)).then().statusCode(201).body("status", equalTo("ERADICATED"))
                .body("eradicatedOn", equalTo(today.minusDays(4).toString())).body("nextFollowUpDue", nullValue());

        as("bureau", ALERTS).queryParam("countyCode", WENXIAN).queryParam("status", "ERADICATED")
                .get("/control-cases").then().statusCode(200).body("items.id", hasItems(caseId));

        // The bureau closes the alert the case came from.
        as("bureau", ALERTS).body(Map.of("notes", "Control case " + caseId)).post("/alerts/" + alertId + "/acknowledge")
                .then().statusCode(200);
        as("bureau", ALERTS).body(Map.of("action", "ERADICATED", "notes", "3 negative follow-ups over 60 days"))
                .post("/alerts/" + alertId + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
    }

    @Test
    void five_dead_wild_ducks_within_3_km_and_3_days_raise_a_critical_disease_cluster() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // A place on the shoals and a day of their own (days back: the stack's database outlives runs, and a
        // cluster of an earlier run must not take these reports).
        double lat = 34.86 + random.nextDouble(0.04);
        double lon = 112.6 + random.nextDouble(0.3);
        OffsetDateTime day = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(random.nextLong(10, 20_000))
                .truncatedTo(ChronoUnit.MINUTES);

        String first = report(ducks(2, lat, lon, day));
        String second = report(ducks(2, lat + 800 / M_PER_DEG, lon, day.plusHours(20)));
        as("bureau", ALERTS).get("/mortality-reports/" + second).then().statusCode(200)
                .body("clusterAlertId", nullValue()); // 4 dead birds: one short
        String fifth = report(ducks(1, lat + 2000 / M_PER_DEG, lon, day.plusDays(2)));

        String alertId = as("bureau", ALERTS).get("/mortality-reports/" + fifth).then().statusCode(200)
                .body("clusterAlertId", notNullValue()).extract().path("clusterAlertId");
        as("bureau", ALERTS).get("/mortality-reports/" + first).then().body("clusterAlertId", equalTo(alertId));
        JsonPath alert = as("bureau", ALERTS).get("/alerts/" + alertId).then().statusCode(200)
                .body("rule", equalTo("DISEASE_CLUSTER")).body("severity", equalTo("CRITICAL"))
                .body("countyCode", equalTo(MENGZHOU)).body("status", equalTo("OPEN"))
                .body("disease.reportCount", equalTo(3)).body("disease.deadCount", equalTo(5))
                .body("checklist.step", equalTo(List.of("ISOLATE_SITE", "NOTIFY", "SAMPLE", "DISINFECT")))
                .extract().jsonPath();
        assertEquals(3, alert.getList("disease.reportIds").size());

        as("bureau", ALERTS).body(Map.of("notes", "Cordoned off 200 m around the reed bed"))
                .put("/alerts/" + alertId + "/checklist/ISOLATE_SITE").then().statusCode(200)
                .body("checklist.find { it.step == 'ISOLATE_SITE' }.done", equalTo(true))
                .body("checklist.find { it.step == 'ISOLATE_SITE' }.doneBy", notNullValue());

        // The lab finds H5N1 in a sample of the first report: the cluster is escalated with the pathogen.
        as("ranger", ALERTS).body(Map.of("sampleId", "E2E-" + first.substring(0, 8), "lab", "河南省动物疫病预防控制中心",
                        "sentAt", day.plusHours(6).toString()))
                .post("/mortality-reports/" + first + "/samples").then().statusCode(201);
        as("bureau", ALERTS).body(Map.of("result", "POSITIVE", "pathogen", "H5N1",
                        "resultDate", LocalDate.now(CHINA).toString()))
                .put("/mortality-reports/" + first + "/samples/E2E-" + first.substring(0, 8)).then().statusCode(200);
        as("bureau", ALERTS).get("/alerts/" + alertId).then().statusCode(200)
                .body("severity", equalTo("CRITICAL")).body("disease.pathogen", equalTo("H5N1"))
                .body("history.action", hasItems("RAISED", "CHECKLIST", "ESCALATED"));
    }

    private static io.restassured.response.Response followUp(String caseId, LocalDate on) {
        return as("ranger", ALERTS).body(Map.of("uuid", UUID.randomUUID().toString(), "surveyedOn", on.toString(),
                "found", false, "density", 0)).post("/control-cases/" + caseId + "/follow-ups");
    }

    private static Map<String, Object> ducks(int dead, double lat, double lon, OffsetDateTime at) {
        Map<String, Object> body = new HashMap<>();
        body.put("uuid", UUID.randomUUID().toString());
        body.put("group", "WATERFOWL");
        body.put("deadCount", dead);
        body.put("point", Map.of("lat", lat, "lon", lon, "accuracyM", 10));
        body.put("countyCode", MENGZHOU);
        body.put("observedAt", at.toString());
        body.put("symptoms", "头颈扭曲，站立不稳");
        body.put("samplesTaken", true);
        return body;
    }

    private static String report(Map<String, Object> body) {
        String id = as("ranger", ALERTS).body(body).post("/mortality-reports").then().statusCode(201)
                .extract().path("id");
        assertNotNull(id);
        return id;
    }

    private static String alertFor(String observationUuid) {
        JsonPath page = as("bureau", ALERTS).queryParam("countyCode", WENXIAN).queryParam("rule", "INVASIVE_SPECIES")
                .get("/alerts").then().statusCode(200).extract().jsonPath();
        for (String id : page.getList("items.id", String.class)) {
            List<String> uuids = as("bureau", ALERTS).get("/alerts/" + id).then().extract().jsonPath()
                    .getList("observationUuids", String.class);
            if (uuids != null && uuids.contains(observationUuid)) {
                return id;
            }
        }
        return null;
    }
}
