package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.MortalityReports.as;
import static cn.jiaozuo.biodiversity.alert.MortalityReports.post;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.MENGZHOU;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.nationalClassOne;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jiaozuo.biodiversity.alert.MortalityReports.Site;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The alerts of wildlife disease surveillance end to end: the cluster rule at its boundaries (defaults 5 dead wild birds,
 * 3 km, 3 days) raising one CRITICAL DISEASE_CLUSTER alert that later reports update, WILDLIFE_MORTALITY for a protected
 * species' carcass, a POSITIVE sample escalating, the emergency checklist, and the events on topic alerts.
 */
@QuarkusTest
class DiseaseClusterTest extends ObservationEventsFixture {

    static String report(Map<String, Object> body) {
        return post(Roles.RANGER, body).then().statusCode(201).extract().path("id");
    }

    static JsonPath reportOf(String id) {
        return as(Roles.BUREAU).when().get("/mortality-reports/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath alertOf(String id) {
        return as(Roles.BUREAU).when().get("/alerts/" + id).then().statusCode(200).extract().jsonPath();
    }

    JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value()).path("data");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value());
    }

    @Test
    void five_dead_wild_birds_within_3_km_and_3_days_raise_one_critical_cluster_and_no_fewer_farther_or_later_do() {
        Site site = Site.fresh();
        String a = report(site.ducks(2, 0, 0));
        String b = report(site.ducks(2, 500, 20));
        // N−1 = 4 dead birds: no cluster.
        assertNull(reportOf(b).get("clusterAlertId"));
        // The 5th bird, but 3001 m south of the first (3501 m from the second): still none.
        String far = report(site.ducks(1, -3001, 10));
        assertNull(reportOf(far).get("clusterAlertId"));
        // The 5th bird 3 days and 1 minute after the first two (72 h 1 min, 52 h 1 min after b): none.
        String late = report(site.ducks(1, 100, 72 + 20 + 1 / 60.0));
        assertNull(reportOf(late).get("clusterAlertId"));
        // Within 2 900 m of a and 2 400 m of b, 3 days after a: the cluster.
        String fifth = post(Roles.RANGER, site.ducks(1, 2900, 72)).then().statusCode(201)
                .body("clusterAlertId", notNullValue()).extract().path("id");
        String alertId = reportOf(fifth).getString("clusterAlertId");
        for (String member : List.of(a, b)) {
            assertEquals(alertId, reportOf(member).getString("clusterAlertId"));
        }
        assertNull(reportOf(far).get("clusterAlertId"), "3001 m + 2900 m from the 5th: not a neighbour of it");

        JsonPath alert = alertOf(alertId);
        assertEquals("DISEASE_CLUSTER", alert.getString("rule"));
        assertEquals("CRITICAL", alert.getString("severity"));
        assertEquals(MENGZHOU, alert.getString("countyCode"));
        assertEquals(false, alert.getBoolean("location.obscured"));
        assertEquals(0, alert.getInt("observationCount"));
        // The 5th report's neighbours: a, b and the late one (52 h after b, 20 h after the 5th, 2 800 m away).
        assertEquals(4, alert.getInt("disease.reportCount"));
        assertEquals(6, alert.getInt("disease.deadCount"));
        assertEquals(List.of("ISOLATE_SITE", "NOTIFY", "SAMPLE", "DISINFECT"), alert.getList("checklist.step"));
        assertEquals(List.of(false, false, false, false), alert.getList("checklist.done"));
        assertEquals(4, alert.getList("disease.reportIds").size());

        // A later report nearby updates the cluster instead of raising another.
        String sixth = report(site.ducks(3, 1000, 80));
        assertEquals(alertId, reportOf(sixth).getString("clusterAlertId"));
        JsonPath updated = alertOf(alertId);
        assertEquals(5, updated.getInt("disease.reportCount"));
        assertEquals(9, updated.getInt("disease.deadCount"));
        as(Roles.BUREAU).queryParam("rule", "DISEASE_CLUSTER").queryParam("countyCode", MENGZHOU)
                .queryParam("from", site.day().minusDays(1).toString()).queryParam("to", site.day().plusDays(5).toString())
                .when().get("/alerts").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].disease.deadCount", equalTo(9));
        as(Roles.BUREAU).queryParam("alertId", alertId).when().get("/mortality-reports").then().statusCode(200)
                .body("items", hasSize(5));

        List<ConsumerRecord<String, String>> published = events.kafka().await(Topics.ALERTS,
                r -> r.value().contains(alertId), 2, Duration.ofSeconds(15));
        assertEquals(List.of("AlertRaised", "AlertUpdated"), published.stream().map(r -> header(r, "eventType")).toList());
        assertEquals(MENGZHOU, published.get(0).key());
        JsonNode raised = data(published.get(0)).path("disease");
        assertEquals(4, raised.path("reportCount").asInt());
        assertEquals(6, raised.path("deadCount").asInt());
        assertEquals(9, data(published.get(1)).path("disease").path("deadCount").asInt());
    }

    @Test
    void a_protected_species_carcass_raises_a_high_wildlife_mortality_alert_and_a_sick_one_does_not() {
        SpeciesSnapshot leopard = nationalClassOne(newSpeciesId(), false);
        events.recorded(observation(leopard, MENGZHOU));
        awaitAlerts(leopard.id(), 1); // the PROTECTED_SPECIES alert: the species is learned
        Site site = Site.fresh();
        Map<String, Object> sick = site.ducks(0, 0, 0);
        sick.put("group", "MAMMAL");
        sick.put("speciesId", leopard.id());
        sick.put("sickCount", 1);
        assertNull(reportOf(report(sick)).get("mortalityAlertId"));
        Map<String, Object> dead = MortalityReports.with(sick, "uuid", java.util.UUID.randomUUID().toString());
        dead.put("deadCount", 1);
        dead.put("sickCount", 0);
        String id = report(dead);
        String alertId = reportOf(id).getString("mortalityAlertId");
        JsonPath alert = alertOf(alertId);
        assertEquals("WILDLIFE_MORTALITY", alert.getString("rule"));
        assertEquals("HIGH", alert.getString("severity"));
        assertEquals(leopard.id(), alert.getLong("speciesId"));
        assertEquals("MAMMAL", alert.getString("speciesGroup"));
        assertEquals(1, alert.getInt("disease.deadCount"));
        assertEquals(List.of(id), alert.getList("disease.reportIds"));
        // A mammal is no bird: no cluster, however many.
        assertNull(reportOf(id).get("clusterAlertId"));
    }

    @Test
    void a_cluster_with_a_report_of_a_species_that_may_be_sensitive_is_generalized() {
        Site site = Site.fresh();
        report(site.ducks(4, 0, 0));
        // A species id this service has not learned yet may be a sensitive one: the cluster fails closed.
        Map<String, Object> body = site.ducks(1, 200, 1);
        body.put("speciesId", newSpeciesId());
        String id = report(body);
        // Its reporter reads it under the stored uuid (the bureau knows it by its public id only).
        JsonPath own = as(Roles.RANGER).when().get("/mortality-reports/" + id).then().statusCode(200).extract().jsonPath();
        JsonPath alert = alertOf(own.getString("clusterAlertId"));
        assertEquals(true, alert.getBoolean("location.obscured"));
        double centroid = site.latNorth(100);
        assertEquals(Math.round((Math.floor(centroid / 0.1 + 1e-9) * 0.1 + 0.05) * 100) / 100.0,
                alert.getDouble("location.lat"), 1e-9, "the centre of the 0.1° cell of the reports' centroid");
        // Times to the hour: the site's minute would tie the alert to the exact report.
        assertEquals(0, java.time.OffsetDateTime.parse(alert.getString("firstObservedAt")).getMinute());
        assertNull(own.get("mortalityAlertId"), "an unknown species is not known to be protected");
    }

    @Test
    void a_positive_sample_escalates_the_cluster_with_its_pathogen_and_results_are_final() {
        Site site = Site.fresh();
        String id = report(site.ducks(5, 0, 0));
        String alertId = reportOf(id).getString("clusterAlertId");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> sample = Map.of("sampleId", "JZ-" + id.substring(0, 8), "lab", "河南省动物疫病预防控制中心",
                "sentAt", site.day().plusHours(6).toString());
        as(Roles.RANGER).body(sample).when().post("/mortality-reports/" + id + "/samples").then().statusCode(201)
                .body("samples[0].result", equalTo("PENDING")).body("samplesTaken", equalTo(true));
        as(Roles.RANGER).body(sample).when().post("/mortality-reports/" + id + "/samples").then().statusCode(200)
                .body("samples", hasSize(1));
        as(Roles.RANGER).body(Map.of("sampleId", sample.get("sampleId"), "lab", "another lab", "sentAt", sample.get("sentAt")))
                .when().post("/mortality-reports/" + id + "/samples").then().statusCode(409);
        String path = "/mortality-reports/" + id + "/samples/" + sample.get("sampleId");

        as(Roles.BUREAU).body(Map.of("result", "POSITIVE", "resultDate", today.toString())).when().put(path)
                .then().statusCode(400).body("violations[0].field", equalTo("pathogen"));
        as(Roles.BUREAU).body(Map.of("result", "NEGATIVE")).when().put(path)
                .then().statusCode(400).body("violations[0].field", equalTo("resultDate"));
        as(Roles.BUREAU).body(Map.of("result", "NEGATIVE", "resultDate", today.plusDays(2).toString(), "pathogen", "H5N1"))
                .when().put(path).then().statusCode(400).body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("pathogen", "resultDate"));
        as(Roles.RANGER).body(Map.of("result", "POSITIVE", "pathogen", "H5N1", "resultDate", today.toString()))
                .when().put(path).then().statusCode(403);
        as(Roles.BUREAU).body(Map.of("result", "POSITIVE", "pathogen", "H5N1", "resultDate", today.toString()))
                .when().put("/mortality-reports/" + id + "/samples/NOPE").then().statusCode(404);

        as(Roles.BUREAU).body(Map.of("result", "POSITIVE", "pathogen", "H5N1", "resultDate", today.toString()))
                .when().put(path).then().statusCode(200).body("samples[0].result", equalTo("POSITIVE"))
                .body("samples[0].pathogen", equalTo("H5N1")).body("samples[0].updatedBy", equalTo("bureau-zhang"));
        JsonPath alert = alertOf(alertId);
        assertEquals("CRITICAL", alert.getString("severity"));
        assertEquals("H5N1", alert.getString("disease.pathogen"));
        assertEquals(true, alert.getString("reason").contains("POSITIVE for H5N1"));
        assertEquals(true, alert.getList("history.action").contains("ESCALATED"));
        // Final: the same result again is a replay, another one a conflict.
        as(Roles.BUREAU).body(Map.of("result", "POSITIVE", "pathogen", "H5N1", "resultDate", today.toString()))
                .when().put(path).then().statusCode(200);
        as(Roles.BUREAU).body(Map.of("result", "NEGATIVE", "resultDate", today.toString())).when().put(path)
                .then().statusCode(409).contentType("application/problem+json");

        List<ConsumerRecord<String, String>> published = events.kafka().await(Topics.ALERTS,
                r -> r.value().contains(alertId), 2, Duration.ofSeconds(15));
        assertEquals(List.of("AlertRaised", "AlertEscalated"), published.stream().map(r -> header(r, "eventType")).toList());
        assertEquals("H5N1", data(published.get(1)).path("disease").path("pathogen").asText());
        assertEquals("CRITICAL", data(published.get(1)).path("severity").asText());
    }

    @Test
    void a_positive_sample_of_a_report_without_an_alert_raises_a_critical_wildlife_mortality_alert() {
        Site site = Site.fresh();
        String id = report(site.ducks(1, 0, 0));
        as(Roles.STATION).body(Map.of("sampleId", "S1", "lab", "焦作市动物疫病预防控制中心", "sentAt", site.day().toString()))
                .when().post("/mortality-reports/" + id + "/samples").then().statusCode(201);
        as(Roles.ADMIN).body(Map.of("result", "POSITIVE", "pathogen", "H5N6", "resultDate",
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()))
                .when().put("/mortality-reports/" + id + "/samples/S1").then().statusCode(200)
                .body("mortalityAlertId", notNullValue());
        JsonPath alert = alertOf(reportOf(id).getString("mortalityAlertId"));
        assertEquals("WILDLIFE_MORTALITY", alert.getString("rule"));
        assertEquals("CRITICAL", alert.getString("severity"));
        assertEquals("H5N6", alert.getString("disease.pathogen"));
    }

    @Test
    void the_bureau_ticks_off_the_emergency_checklist_once_per_step_with_who_and_when() {
        Site site = Site.fresh();
        String alertId = reportOf(report(site.ducks(6, 0, 0))).getString("clusterAlertId");
        as(Roles.BUREAU, "bureau-li").body(Map.of("notes", "Cordoned off 200 m")).when()
                .put("/alerts/" + alertId + "/checklist/ISOLATE_SITE").then().statusCode(200)
                .body("checklist.find { it.step == 'ISOLATE_SITE' }.done", equalTo(true))
                .body("checklist.find { it.step == 'ISOLATE_SITE' }.doneBy", equalTo("bureau-li"))
                .body("checklist.find { it.step == 'ISOLATE_SITE' }.notes", equalTo("Cordoned off 200 m"))
                .body("checklist.find { it.step == 'NOTIFY' }.done", equalTo(false))
                .body("history.action", hasItem("CHECKLIST"));
        String doneAt = alertOf(alertId).getString("checklist.find { it.step == 'ISOLATE_SITE' }.doneAt");
        as(Roles.BUREAU, "bureau-wu").when().put("/alerts/" + alertId + "/checklist/ISOLATE_SITE").then().statusCode(200)
                .body("checklist.find { it.step == 'ISOLATE_SITE' }.doneBy", equalTo("bureau-li"))
                .body("checklist.find { it.step == 'ISOLATE_SITE' }.doneAt", equalTo(doneAt));
        as(Roles.BUREAU).when().put("/alerts/" + alertId + "/checklist/PRAY").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("step"));
        as(Roles.RANGER).when().put("/alerts/" + alertId + "/checklist/NOTIFY").then().statusCode(403);
        as(Roles.BUREAU).when().put("/alerts/" + java.util.UUID.randomUUID() + "/checklist/NOTIFY").then().statusCode(404);

        SpeciesSnapshot webworm = invasive(newSpeciesId());
        events.recorded(observation(webworm, MENGZHOU));
        Object invasiveAlert = awaitAlerts(webworm.id(), 1).get(0).get("id");
        as(Roles.BUREAU).when().put("/alerts/" + invasiveAlert + "/checklist/NOTIFY").then().statusCode(409)
                .body("detail", containsString("INVASIVE_SPECIES"));
        as(Roles.BUREAU).when().get("/alerts/" + invasiveAlert).then().statusCode(200).body("checklist", nullValue())
                .body("disease", nullValue());
    }

    @Test
    void the_animal_health_authoritys_subscription_on_disease_clusters_receives_the_cluster_with_its_figures() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            String subscription = as(Roles.BUREAU).body(Map.of("name", "疫源疫病 " + java.util.UUID.randomUUID(),
                            "organization", "市动物疫病预防控制中心", "filter", Map.of("rules", List.of("DISEASE_CLUSTER"),
                                    "countyCodes", List.of(MENGZHOU)),
                            "webhook", Map.of("url", receiver.url(), "secret", "animal-health-secret-0123456789")))
                    .when().post("/subscriptions").then().statusCode(201).extract().path("id");
            Site site = Site.fresh();
            String alertId = reportOf(report(site.ducks(5, 0, 0))).getString("clusterAlertId");
            String body = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> receiver.received().stream().map(WebhookReceiver.Received::body)
                            .filter(b -> b.contains(alertId)).findFirst().orElse(null), b -> b != null);
            JsonPath delivered = JsonPath.from(body);
            assertEquals("AlertRaised", delivered.getString("type"));
            assertEquals("DISEASE_CLUSTER", delivered.getString("data.rule"));
            assertEquals(5, delivered.getInt("data.disease.deadCount"));
            as(Roles.BUREAU).when().get("/subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                    .body("alertId", hasItem(alertId));
        }
    }
}
