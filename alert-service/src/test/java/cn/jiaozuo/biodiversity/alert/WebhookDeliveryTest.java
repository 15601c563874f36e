package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.WUZHI;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries to a real local HTTP receiver: signed, retried with back-off, FAILED after the
 * last try, and a hanging subscriber does not hold up the others.
 */
@QuarkusTest
class WebhookDeliveryTest extends ObservationEventsFixture {

    private String subscribe(String url, String secret, Map<String, Object> filter) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "test " + UUID.randomUUID(), "organization", "市林业局", "filter", filter,
                        "webhook", Map.of("url", url, "secret", secret)))
                .when().post("/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> deliveries(String subscription) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                .get("/subscriptions/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    private static String hmac(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_matching_alert_event_is_posted_with_its_event_id_and_a_valid_signature() throws Exception {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String secret = "secret-" + UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            String subscription = subscribe(receiver.url(), secret, Map.of("speciesIds", List.of(species.id())));

            events.recorded(observation(species, JIEFANG));

            WebhookReceiver.Received request = await().atMost(Duration.ofSeconds(15))
                    .until(receiver::received, r -> !r.isEmpty()).get(0);
            assertEquals(hmac(request.body(), secret), request.header("X-Alert-Signature"));
            JsonNode event = json.readTree(request.body());
            assertEquals(event.path("eventId").asText(), request.header("X-Alert-Event-Id"));
            assertEquals("AlertRaised", event.path("type").asText());
            assertEquals(species.id(), event.path("data").path("speciesId").asLong());
            assertEquals("CRITICAL", event.path("data").path("severity").asText());
            assertTrue(request.header("Content-Type").startsWith("application/json"));

            Map<String, Object> delivery = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status"))).get(0);
            assertEquals(1, delivery.get("attempts"));
            assertEquals(204, delivery.get("lastStatus"));
            assertEquals(event.path("eventId").asText(), delivery.get("eventId"));
        }
    }

    @Test
    void a_failing_subscriber_is_retried_with_the_same_event_until_it_accepts() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (WebhookReceiver receiver = WebhookReceiver.answering(500, 503, 200)) {
            String subscription = subscribe(receiver.url(), "retry-secret-0123456789", Map.of("speciesIds",
                    List.of(species.id())));

            events.recorded(observation(species, JIEFANG));

            Map<String, Object> delivery = await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status"))).get(0);
            assertEquals(3, delivery.get("attempts"));
            List<WebhookReceiver.Received> calls = receiver.received();
            assertEquals(3, calls.size());
            assertEquals(1, calls.stream().map(c -> c.header("X-Alert-Event-Id")).distinct().count(),
                    "every try carries the same event id, so the receiver can deduplicate");
            assertEquals(1, calls.stream().map(WebhookReceiver.Received::body).distinct().count());
        }
    }

    @Test
    void a_subscriber_that_keeps_failing_ends_as_failed_after_the_last_try() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (WebhookReceiver receiver = WebhookReceiver.answering(500)) {
            String subscription = subscribe(receiver.url(), "failing-secret-0123456789", Map.of("speciesIds",
                    List.of(species.id())));

            events.recorded(observation(species, JIEFANG));

            Map<String, Object> delivery = await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "FAILED".equals(d.get(0).get("status"))).get(0);
            assertEquals(4, delivery.get("attempts"), "max-attempts of the test profile");
            assertEquals(500, delivery.get("lastStatus"));
            assertEquals("HTTP 500", delivery.get("lastError"));
            assertEquals(4, receiver.received().size());
            given().when().get("/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("webhook_deliveries_total{outcome=\"failed\"}"));
        }
    }

    @Test
    void a_hanging_subscriber_does_not_delay_another_one() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (WebhookReceiver slow = WebhookReceiver.hanging(); WebhookReceiver fast = WebhookReceiver.answering(200)) {
            subscribe(slow.url(), "slow-secret-0123456789", Map.of("speciesIds", List.of(species.id())));
            String fastSubscription = subscribe(fast.url(), "fast-secret-0123456789",
                    Map.of("speciesIds", List.of(species.id())));

            events.recorded(observation(species, JIEFANG));

            await().atMost(Duration.ofSeconds(15)).until(() -> !slow.received().isEmpty() && !fast.received().isEmpty());
            assertEquals("DELIVERED", await().atMost(Duration.ofSeconds(5))
                    .until(() -> deliveries(fastSubscription), d -> "DELIVERED".equals(d.get(0).get("status")))
                    .get(0).get("status"));
        }
    }

    @Test
    void only_events_matching_the_filter_are_delivered() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String subscription = subscribe(receiver.url(), "filter-secret-0123456789", Map.of("speciesIds",
                    List.of(species.id()), "countyCodes", List.of(WUZHI), "minSeverity", "CRITICAL"));

            events.recorded(observation(species, JIEFANG));
            events.recorded(observation(species, WUZHI));
            awaitAlerts(species.id(), 2);
            // Deliveries are written in the transaction of the alert event they carry: both alerts exist, so
            // every delivery their events will ever have does too.
            assertEquals(1, deliveries(subscription).size());

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            assertEquals(WUZHI, JsonPath.from(receiver.received().get(0).body()).getString("data.countyCode"));
        }
    }

    @Test
    void subscriptions_never_show_their_secret_and_can_be_deleted() {
        String secret = "never-shown-" + UUID.randomUUID();
        String id = subscribe("https://example.org/hooks/alerts", secret, Map.of("rules", List.of("INVASIVE_SPECIES")));

        String one = given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).when().get("/subscriptions/" + id)
                .then().statusCode(200).extract().asString();
        String all = given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/subscriptions")
                .then().statusCode(200).extract().asString();
        assertTrue(!one.contains(secret) && !all.contains(secret));
        assertTrue(all.contains(id));
        assertEquals(List.of("INVASIVE_SPECIES"), JsonPath.from(one).getList("filter.rules"));

        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().delete("/subscriptions/" + id)
                .then().statusCode(204);
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/subscriptions/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void an_invalid_subscription_is_a_400_problem_with_every_field() {
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "", "organization", "市农业农村局", "filter", Map.of("countyCodes", List.of("999999")),
                        "webhook", Map.of("url", "ftp://example.org/x", "secret", "short")))
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItems("name", "webhook.secret"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "n", "organization", "o", "filter", Map.of("countyCodes", List.of("999999")),
                        "webhook", Map.of("url", "ftp://example.org/x", "secret", "long-enough-secret-123")))
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItems("webhook.url", "filter.countyCodes"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "n", "organization", "o", "filter", Map.of("minSeverity", "APOCALYPTIC"),
                        "webhook", Map.of("url", "https://example.org/x", "secret", "long-enough-secret-123")))
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("filter.minSeverity"));
    }

    @Test
    void only_bureau_and_admin_manage_subscriptions() {
        for (String role : List.of(Roles.RANGER, Roles.STATION, Roles.REVIEWER)) {
            given().header("Authorization", TestTokens.bearer(role)).when().get("/subscriptions").then().statusCode(403);
        }
        given().when().get("/subscriptions").then().statusCode(401);
    }
}
