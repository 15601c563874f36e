package cn.jiaozuo.biodiversity.e2e;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.ALERTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A ranger syncs an offline batch that includes 美国白蛾 in 武陟县; the alert service raises an
 * alert, the forestry bureau's webhook receives a signed delivery, and the bureau acknowledges and
 * resolves the alert — all over HTTP against the packaged services.
 */
class InvasiveSpeciesJourneyIT {

    private static final String WUZHI = "410823";

    @Test
    void an_offline_batch_with_fall_webworm_ends_in_a_resolved_alert_the_bureau_was_told_about() throws Exception {
        try (WebhookReceiver forestryBureau = WebhookReceiver.start()) {
            String secret = "forestry-bureau-shared-secret";
            as("bureau", ALERTS).body(Map.of("name", "美国白蛾 early warning, 武陟县", "organization", "市林业局",
                    "filter", Map.of("countyCodes", List.of(WUZHI), "rules", List.of("INVASIVE_SPECIES")),
                    "webhook", Map.of("url", forestryBureau.url(), "secret", secret)))
                    .post("/subscriptions").then().statusCode(201);

            // The app was offline in the field: three records queued, one of them mistyped.
            Map<String, Object> webworm = Sightings.sighting(Sightings.HYPHANTRIA_CUNEA, WUZHI);
            Map<String, Object> stork = Sightings.sighting(Sightings.CICONIA_NIGRA, WUZHI);
            Map<String, Object> mistyped = new HashMap<>(Sightings.sighting(Sightings.ARDEA_CINEREA, WUZHI));
            mistyped.put("count", 0);
            JsonPath batch = as("ranger", OBSERVATIONS).body(Map.of("items", List.of(stork, webworm, mistyped)))
                    .post("/observations/batch").then().statusCode(200)
                    .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                    .body("results[2].status", equalTo("REJECTED"))
                    .extract().jsonPath();
            assertEquals("items[2].count", batch.getString("results[2].violations[0].field"));

            // Retrying the same batch (the app did not see the answer) stores nothing twice.
            as("ranger", OBSERVATIONS).body(Map.of("items", List.of(stork, webworm)))
                    .post("/observations/batch").then().statusCode(200)
                    .body("accepted", equalTo(0)).body("duplicates", equalTo(2));

            String alertId = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> alertFor(webworm.get("uuid").toString()), id -> id != null);

            JsonPath alert = as("bureau", ALERTS).get("/alerts/" + alertId).then().statusCode(200)
                    .body("rule", equalTo("INVASIVE_SPECIES")).body("chineseName", equalTo("美国白蛾"))
                    .body("countyCode", equalTo(WUZHI)).body("status", equalTo("OPEN"))
                    .extract().jsonPath();
            assertTrue(alert.getList("observationUuids", String.class).contains(webworm.get("uuid").toString()));

            WebhookReceiver.Delivery raised = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> deliveryFor(forestryBureau, alertId, "AlertRaised"), d -> d != null);
            assertEquals(WebhookReceiver.sign(secret, raised.body()), raised.signature(), "the delivery is signed");
            assertTrue(raised.eventId() != null && !raised.eventId().isBlank());

            as("bureau", ALERTS).body(Map.of("notes", "修武县森防站 notified"))
                    .post("/alerts/" + alertId + "/acknowledge").then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
            as("bureau", ALERTS).body(Map.of()).post("/alerts/" + alertId + "/acknowledge").then().statusCode(409)
                    .contentType("application/problem+json");
            as("bureau", ALERTS).body(Map.of("action", "CONTAINED", "notes", "Webs cut and burnt; traps set"))
                    .post("/alerts/" + alertId + "/resolve").then().statusCode(200)
                    .body("status", equalTo("RESOLVED")).body("resolution", equalTo("CONTAINED"));
            as("bureau", ALERTS).get("/alerts/" + alertId).then().statusCode(200)
                    .body("history.action", hasItems("RAISED", "ACKNOWLEDGED", "RESOLVED"));

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> deliveryFor(forestryBureau, alertId, "AlertResolved") != null);
        }
    }

    private static String alertFor(String observationUuid) {
        JsonPath page = as("bureau", ALERTS).queryParam("countyCode", WUZHI).queryParam("rule", "INVASIVE_SPECIES")
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

    private static WebhookReceiver.Delivery deliveryFor(WebhookReceiver receiver, String alertId, String type) {
        return receiver.received().stream()
                .filter(d -> d.body().contains(alertId) && d.body().contains("\"" + type + "\""))
                .findFirst().orElse(null);
    }
}
