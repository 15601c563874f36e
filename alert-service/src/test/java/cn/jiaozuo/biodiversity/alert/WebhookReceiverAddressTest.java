package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhooks reach only public receivers (and those the operator allows; the test profile allows
 * 127.0.0.1): internal URLs are refused when subscribing, a name that resolves to an internal address
 * at delivery time is not connected to, redirects are not followed, and the deliveries list tells
 * "receiver unreachable" and nothing more when no HTTP answer came.
 */
@QuarkusTest
class WebhookReceiverAddressTest extends ObservationEventsFixture {

    private static io.restassured.response.ValidatableResponse subscribe(String url) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "ssrf " + UUID.randomUUID(), "organization", "市林业局",
                        "webhook", Map.of("url", url, "secret", "ssrf-test-secret-0123456789")))
                .when().post("/subscriptions").then();
    }

    private static String subscribe(String url, SpeciesSnapshot species) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "ssrf " + UUID.randomUUID(), "organization", "市林业局",
                        "filter", Map.of("speciesIds", List.of(species.id())),
                        "webhook", Map.of("url", url, "secret", "ssrf-test-secret-0123456789")))
                .when().post("/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> deliveries(String subscription) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                .get("/subscriptions/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8083/q/metrics", "http://LOCALHOST./hook", "http://api.localhost/hook",
        "http://127.0.0.2:8083/hook", "http://[::1]:8083/hook", "http://[::ffff:127.0.0.1]/hook",
        "http://[::ffff:7f00:1]/hook", "http://2130706433/hook", "http://0x7f000001/hook", "http://017700000001/hook",
        "http://127.1/hook", "http://0/hook", "http://0.0.0.0:8083/hook", "http://[::]/hook",
        "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/hook", "http://10.0.0.5/hook",
        "http://172.16.3.4/hook", "http://192.168.1.1/hook", "http://100.64.0.1/hook", "http://[fc00::1]/hook",
        "http://[fd00:ec2::254]/hook", "http://kafka:9092/hook", "http://alert-service.biodiversity.svc:8083/hook",
        "http://postgresql.biodiversity.svc.cluster.local:5432/", "http://db.cluster.local/hook",
        "http://metadata.google.internal/computeMetadata/v1/", "http://224.0.0.1/hook", "http://255.255.255.255/hook",
        "http://[ff02::1]/hook", "ftp://example.org/hook", "file:///etc/passwd", "gopher://example.org:70/_hook",
        "http://bureau:secret@example.org/hook"})
    void an_internal_or_odd_webhook_url_is_refused_with_a_reason_on_the_url_field(String url) {
        subscribe(url).statusCode(400).contentType("application/problem+json")
                .body("violations.size()", equalTo(1))
                .body("violations[0].field", equalTo("webhook.url"))
                .body("violations[0].message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.blankOrNullString()));
    }

    @Test
    void the_reason_says_why_in_plain_words() {
        subscribe("http://169.254.169.254/latest/meta-data/").statusCode(400)
                .body("violations[0].message", containsString("link-local"))
                .body("violations[0].message", containsString("public internet addresses"));
        subscribe("http://kafka:9092/").statusCode(400)
                .body("violations[0].message", containsString("inside the service's own network"));
    }

    @Test
    void public_receivers_and_the_allowed_on_premise_address_are_accepted() {
        subscribe("https://lyj.example.org/hooks/alerts").statusCode(201);
        subscribe("https://203.0.114.10:8443/hooks").statusCode(201);
        subscribe("http://127.0.0.1:9/hook").statusCode(201); // allowed by alerts.webhook.allowed-receivers in tests
    }

    @Test
    void a_name_that_resolves_to_an_internal_address_at_delivery_time_is_never_connected_to() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String rebinding = "rebind-" + UUID.randomUUID() + ".example.org";
        try (WebhookReceiver internal = WebhookReceiver.answeringOn("127.0.0.2", 204)) {
            // Public-looking when subscribing; by delivery time its DNS answers an internal address.
            String subscription = subscribe(internal.url(rebinding), species);
            FakeReceiverResolver.pretend(rebinding, "127.0.0.2");

            events.recorded(observation(species, JIEFANG));

            Map<String, Object> delivery = await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "FAILED".equals(d.get(0).get("status"))).get(0);
            assertEquals(4, delivery.get("attempts"));
            assertEquals("receiver unreachable", delivery.get("lastError"));
            assertNull(delivery.get("lastStatus"));
            assertEquals(List.of(), internal.received(), "the internal receiver was never reached");
        }
    }

    @Test
    void a_name_resolved_at_delivery_time_to_an_allowed_address_keeps_its_host_header() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String name = "hooks-" + UUID.randomUUID() + ".example.org";
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            FakeReceiverResolver.pretend(name, "127.0.0.1");
            String subscription = subscribe(receiver.url(name), species);

            events.recorded(observation(species, JIEFANG));

            WebhookReceiver.Received request = await().atMost(Duration.ofSeconds(15))
                    .until(receiver::received, r -> !r.isEmpty()).get(0);
            assertEquals(name + ":" + receiver.port(), request.header("Host"));
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status")));
        }
    }

    @Test
    void a_redirect_is_not_followed() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (WebhookReceiver target = WebhookReceiver.answering(204);
                WebhookReceiver redirecting = WebhookReceiver.redirectingTo(target.url())) {
            String subscription = subscribe(redirecting.url(), species);

            events.recorded(observation(species, JIEFANG));

            Map<String, Object> delivery = await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "FAILED".equals(d.get(0).get("status"))).get(0);
            assertEquals(302, delivery.get("lastStatus"));
            assertEquals("HTTP 302", delivery.get("lastError"));
            assertEquals(4, redirecting.received().size());
            assertEquals(List.of(), target.received());
        }
    }

    @Test
    void no_answer_is_one_kind_whether_refused_timed_out_or_unknown() throws Exception {
        SpeciesSnapshot species = invasive(newSpeciesId());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (WebhookReceiver hanging = WebhookReceiver.hanging()) {
            List<String> subscriptions = List.of(
                    subscribe("http://127.0.0.1:" + closedPort + "/hook", species),
                    subscribe(hanging.url(), species),
                    subscribe("http://no-such-host-" + UUID.randomUUID() + ".invalid/hook", species));

            events.recorded(observation(species, JIEFANG));

            for (String subscription : subscriptions) {
                Map<String, Object> delivery = await().atMost(Duration.ofSeconds(20))
                        .until(() -> deliveries(subscription), d -> d.size() == 1 && (int) d.get(0).get("attempts") >= 1
                                && d.get(0).get("lastError") != null).get(0);
                assertEquals("receiver unreachable", delivery.get("lastError"), subscription);
                assertNull(delivery.get("lastStatus"));
                assertTrue(delivery.keySet().stream().noneMatch(k -> k.toLowerCase().contains("secret")));
            }
        }
    }
}
