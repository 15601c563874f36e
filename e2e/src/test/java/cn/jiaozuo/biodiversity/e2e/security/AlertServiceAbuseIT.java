package cn.jiaozuo.biodiversity.e2e.security;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.ALERTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.e2e.E2eStack;
import cn.jiaozuo.biodiversity.e2e.Sightings;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attacks on alert-service: webhooks as a server-side request forgery and port scanner, reading or deleting another
 * organisation's subscriptions and secrets, an alert stream that outlives its token, and a console page that can be
 * framed or leak its URL. Each must fail.
 */
class AlertServiceAbuseIT {

    private static final String SECRET = "e2e-secret-" + UUID.randomUUID();

    /** Receivers inside the system or the cloud it runs in, in every spelling that has slipped past such checks. */
    private static final List<String> INTERNAL_RECEIVERS = List.of(
            "http://localhost:18083/q/metrics", "http://LOCALHOST./", "http://api.localhost/",
            "http://127.0.0.2/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
            "http://2130706433/", "http://0x7f000001/", "http://017700000001/", "http://127.1/",
            "http://0/", "http://0.0.0.0/", "http://[::]/",
            "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/",
            "http://10.0.0.5/", "http://172.16.3.4/", "http://192.168.1.1/", "http://100.64.0.1/", "http://[fc00::1]/",
            "http://kafka:19092/", "http://x.svc/", "http://x.svc.cluster.local/", "http://x.cluster.local/",
            "http://metadata.google.internal/", "http://224.0.0.1/", "http://255.255.255.255/",
            "ftp://example.org/", "http://u:p@example.org/");

    @Test
    void webhooks_never_point_inside_the_system() {
        List<String> accepted = new ArrayList<>();
        for (String url : INTERNAL_RECEIVERS) {
            Response answer = as("bureau", ALERTS).body(subscription(url, null)).post("/subscriptions");
            if (answer.statusCode() != 400 || !answer.jsonPath().getList("violations.field").contains("webhook.url")) {
                accepted.add(url + " → " + answer.statusCode());
            }
        }
        assertEquals(List.of(), accepted, "internal receivers must be refused with a violation on webhook.url");
    }

    @Test
    void a_failed_delivery_does_not_tell_a_closed_port_from_a_silent_one() throws IOException {
        String county = "410883"; // 孟州市: this test's own subscription filter
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String id = as("bureau", ALERTS).body(subscription("http://127.0.0.1:" + closedPort + "/hook", county))
                .post("/subscriptions").then().statusCode(201).extract().path("id");
        as("ranger", OBSERVATIONS).body(Sightings.sighting(Sightings.HYPHANTRIA_CUNEA, county)).post("/observations")
                .then().statusCode(201);

        Map<String, Object> delivery = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> as("bureau", ALERTS).get("/subscriptions/" + id + "/deliveries").then().statusCode(200)
                        .extract().jsonPath().<Map<String, Object>>getList("").stream()
                        .filter(d -> d.get("lastError") != null).findFirst().orElse(null),
                d -> d != null);
        assertEquals("receiver unreachable", delivery.get("lastError"));
        assertEquals(null, delivery.get("lastStatus"));
    }

    @Test
    void an_organisation_neither_sees_nor_deletes_another_ones_subscriptions_and_nobody_reads_a_secret() {
        String orgA = "org-a-" + UUID.randomUUID();
        String tokenA = E2eStack.token("bureau", "bureau-a", orgA, Duration.ofHours(1));
        String tokenB = E2eStack.token("bureau", "bureau-b", "org-b-" + UUID.randomUUID(), Duration.ofHours(1));
        Response created = bearer(tokenA).body(subscription("http://127.0.0.1:9/hook", null)).post("/subscriptions");
        created.then().statusCode(201).body("secretSet", equalTo(true));
        String id = created.path("id");

        bearer(tokenB).get("/subscriptions/" + id).then().statusCode(404);
        bearer(tokenB).get("/subscriptions/" + id + "/deliveries").then().statusCode(404);
        bearer(tokenB).delete("/subscriptions/" + id).then().statusCode(404);
        bearer(tokenB).get("/subscriptions").then().statusCode(200).body("id", not(hasItem(id)));
        as("admin", ALERTS).get("/subscriptions/" + id).then().statusCode(200).body("org", equalTo(orgA));

        for (Response read : List.of(created, bearer(tokenA).get("/subscriptions/" + id), bearer(tokenA).get("/subscriptions"),
                bearer(tokenA).get("/subscriptions/" + id + "/deliveries"),
                as("admin", ALERTS).get("/subscriptions"))) {
            assertFalse(read.asString().contains(SECRET), "a response echoed the webhook secret");
        }
        // Without an organisation in the token nobody can subscribe (the subscription would belong to no one).
        RestAssured.given().baseUri(ALERTS).contentType("application/json")
                .header("Authorization", "Bearer " + E2eStack.token("bureau", "orgless", null, Duration.ofHours(1)))
                .body(subscription("http://127.0.0.1:9/hook", null)).post("/subscriptions").then().statusCode(403)
                .body("detail", containsString("org"));
        bearer(tokenA).delete("/subscriptions/" + id).then().statusCode(204);
    }

    @Test
    @Timeout(60)
    void the_alert_stream_ends_when_its_token_expires() throws Exception {
        String shortLived = E2eStack.token("bureau", "stream-e2e", "forestry-bureau", Duration.ofSeconds(5));
        Instant expiry = Instant.now().plusSeconds(4); // the token's exp is whole seconds, at least 4 s from now
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ALERTS + "/alerts/stream"))
                .header("Authorization", "Bearer " + shortLived).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        try (InputStream body = stream.body()) {
            // readAllBytes returns only when the server ends the stream; the test's own timeout bounds it.
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("token expired"), "the stream says why it ends: " + text);
        }
        assertFalse(Instant.now().isBefore(expiry), "the stream ended before its token expired");
    }

    @Test
    void the_console_cannot_be_framed_nor_run_foreign_script() {
        Response page = RestAssured.given().baseUri(ALERTS).redirects().follow(true).get("/console/");
        page.then().statusCode(200);
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'")
                && !policy.contains("unsafe-inline"), "Content-Security-Policy: " + policy);
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return RestAssured.given().baseUri(ALERTS).contentType("application/json").accept("application/json")
                .header("Authorization", "Bearer " + token);
    }

    private static Map<String, Object> subscription(String url, String county) {
        Map<String, Object> filter = county == null ? Map.of("countyCodes", List.of("410802"), "speciesIds", List.of(999_999))
                : Map.of("countyCodes", List.of(county), "rules", List.of("INVASIVE_SPECIES"));
        return Map.of("name", "attack " + UUID.randomUUID(), "organization", "e2e", "filter", filter,
                "webhook", Map.of("url", url, "secret", SECRET));
    }
}
