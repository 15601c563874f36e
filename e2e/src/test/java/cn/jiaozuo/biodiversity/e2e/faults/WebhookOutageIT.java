package cn.jiaozuo.biodiversity.e2e.faults;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.ALERTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.e2e.Sightings;
import cn.jiaozuo.biodiversity.e2e.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The agriculture bureau's webhook receiver is down while an alert is raised: the delivery is
 * retried, succeeds once the receiver is back, and is received exactly once.
 */
class WebhookOutageIT {

    private static final String BOAI = "410822";

    @Test
    void deliveries_are_retried_until_the_subscriber_is_back_and_none_is_lost() throws Exception {
        try (WebhookReceiver bureau = WebhookReceiver.start()) {
            String secret = "agriculture-bureau-secret";
            String subscription = as("bureau", ALERTS).body(Map.of("name", "福寿螺 and weeds, 博爱县", "organization", "市农业农村局",
                            "filter", Map.of("countyCodes", List.of(BOAI)),
                            "webhook", Map.of("url", bureau.url(), "secret", secret)))
                    .post("/subscriptions").then().statusCode(201).extract().path("id");
            bureau.down();

            as("ranger", OBSERVATIONS).body(Sightings.sighting(Sightings.SOLIDAGO_CANADENSIS, BOAI))
                    .post("/observations").then().statusCode(201);

            // While the receiver is down the delivery is tried and stays pending, never dropped.
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> attempts(subscription) >= 2);
            assertEquals("PENDING", deliveries(subscription).getString("find { it.eventType == 'AlertRaised' }.status"));

            bureau.up();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> "DELIVERED".equals(deliveries(subscription).getString("find { it.eventType == 'AlertRaised' }.status")));
            List<WebhookReceiver.Delivery> received = bureau.received().stream()
                    .filter(d -> d.body().contains("\"AlertRaised\"")).toList();
            assertEquals(1, received.size(), "delivered exactly once");
            assertEquals(WebhookReceiver.sign(secret, received.get(0).body()), received.get(0).signature());
            assertTrue(attempts(subscription) >= 3);
        }
    }

    /** Attempts of the AlertRaised delivery; 0 until the delivery exists. */
    private static int attempts(String subscription) {
        Integer attempts = deliveries(subscription).get("find { it.eventType == 'AlertRaised' }.attempts");
        return attempts == null ? 0 : attempts;
    }

    private static JsonPath deliveries(String subscription) {
        return as("bureau", ALERTS).get("/subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
    }
}
