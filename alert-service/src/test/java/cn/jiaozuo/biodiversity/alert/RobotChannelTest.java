package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Alerts to WeCom, DingTalk and Feishu group robots, played by a local receiver answering as the vendors do: the
 * vendor's message format and signature, the error code in a 200 answer decides delivered / retried / failed, the
 * rate limit queues, and a test message reports its outcome.
 */
@QuarkusTest
class RobotChannelTest extends ObservationEventsFixture {

    private static final String DINGTALK_SECRET = "SEC" + "0123456789abcdef".repeat(4);

    private static Map<String, Object> body(String channel, String url, String secret, long speciesId) {
        Map<String, Object> webhook = new HashMap<>();
        webhook.put("url", url);
        if (secret != null) {
            webhook.put("secret", secret);
        }
        return Map.of("name", "robot " + UUID.randomUUID(), "organization", "市林业局", "channel", channel,
                "filter", Map.of("speciesIds", List.of(speciesId)), "webhook", webhook);
    }

    private static String subscribe(String channel, String url, String secret, long speciesId) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(body(channel, url, secret, speciesId)).when().post("/subscriptions").then().statusCode(201)
                .extract().path("id");
    }

    private static List<Map<String, Object>> deliveries(String subscription) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                .get("/subscriptions/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    /** HMAC-SHA256, Base64: written here again so that the test does not trust the code under test. */
    private static String hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_dingtalk_robot_gets_a_signed_markdown_message_and_errcode_0_counts_as_delivered() throws Exception {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (RobotReceiver robot = RobotReceiver.answering(RobotReceiver.OK)) {
            String subscription = subscribe("DINGTALK", robot.url("/robot/send?access_token=tok-" + species.id()),
                    DINGTALK_SECRET, species.id());

            events.recorded(observation(species, JIEFANG));

            RobotReceiver.Received request = await().atMost(Duration.ofSeconds(15))
                    .until(robot::received, r -> !r.isEmpty()).get(0);
            Map<String, String> query = request.query();
            assertEquals("tok-" + species.id(), query.get("access_token"));
            long timestamp = Long.parseLong(query.get("timestamp"));
            assertTrue(Math.abs(timestamp - System.currentTimeMillis()) < 60_000, "milliseconds, now");
            assertEquals(hmac(DINGTALK_SECRET, timestamp + "\n" + DINGTALK_SECRET), query.get("sign"));
            assertTrue(request.contentType().startsWith("application/json"));
            JsonNode message = json.readTree(request.body());
            assertEquals("markdown", message.path("msgtype").asText());
            assertEquals("【严重】入侵物种预警：美国白蛾（解放区）", message.path("markdown").path("title").asText());
            assertTrue(message.path("markdown").path("text").asText().contains(species.scientificName()));

            Map<String, Object> delivery = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status"))).get(0);
            assertEquals(1, delivery.get("attempts"));
            assertEquals(200, delivery.get("lastStatus"));
            assertEquals("EVENT", delivery.get("kind"));
        }
    }

    @Test
    void a_wecom_robot_answering_a_bad_key_fails_at_once_with_its_words() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (RobotReceiver robot = RobotReceiver.answering(
                "{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [1700000000_7_abc]\"}")) {
            String subscription = subscribe("WECOM", robot.url("/robot/cgi-bin/webhook/send?key=bad"), null, species.id());

            events.recorded(observation(species, JIEFANG));

            Map<String, Object> delivery = await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "FAILED".equals(d.get(0).get("status"))).get(0);
            assertEquals(1, delivery.get("attempts"), "a bad key does not heal by retrying");
            assertEquals(200, delivery.get("lastStatus"));
            assertTrue(((String) delivery.get("lastError")).startsWith("errcode 93000: invalid webhook url"));
            assertEquals(1, robot.received().size());
        }
    }

    @Test
    void a_wecom_robot_over_its_rate_limit_is_retried_until_it_takes_the_message() throws Exception {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (RobotReceiver robot = RobotReceiver.answering(
                "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}", RobotReceiver.OK)) {
            String subscription = subscribe("WECOM", robot.url("/robot/send?key=k-" + species.id()), null, species.id());

            events.recorded(observation(species, JIEFANG));

            Map<String, Object> delivery = await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status"))).get(0);
            assertEquals(2, delivery.get("attempts"));
            JsonNode message = json.readTree(robot.received().get(1).body());
            assertEquals("markdown", message.path("msgtype").asText());
            assertTrue(message.path("markdown").path("content").asText().startsWith("### 【严重】入侵物种预警"));
        }
    }

    @Test
    void a_feishu_bot_gets_a_post_message_with_its_signature_in_the_body() throws Exception {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String secret = "feishu-secret-" + species.id();
        try (RobotReceiver robot = RobotReceiver.answering(RobotReceiver.FEISHU_OK)) {
            String subscription = subscribe("FEISHU", robot.url("/robot/open-apis/bot/v2/hook/h-" + species.id()), secret,
                    species.id());

            events.recorded(observation(species, JIEFANG));

            RobotReceiver.Received request = await().atMost(Duration.ofSeconds(15))
                    .until(robot::received, r -> !r.isEmpty()).get(0);
            assertEquals("/robot/open-apis/bot/v2/hook/h-" + species.id(), request.uri().getPath());
            JsonNode message = json.readTree(request.body());
            String timestamp = message.path("timestamp").asText();
            assertTrue(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond()) < 60, "seconds, now");
            assertEquals(hmac(timestamp + "\n" + secret, ""), message.path("sign").asText());
            assertEquals("post", message.path("msg_type").asText());
            assertEquals("【严重】入侵物种预警：美国白蛾（解放区）",
                    message.path("content").path("post").path("zh_cn").path("title").asText());
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status")));
        }
    }

    @Test
    void an_alert_updated_many_times_is_one_message_then_one_update_with_its_latest_state() throws Exception {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (RobotReceiver robot = RobotReceiver.answering(RobotReceiver.OK)) {
            String subscription = subscribe("WECOM", robot.url("/robot/send?key=agg-" + species.id()), null,
                    species.id());
            events.recorded(observation(species, JIEFANG));
            await().atMost(Duration.ofSeconds(15)).until(() -> robot.received().size() == 1);

            for (int i = 0; i < 5; i++) {
                events.recorded(observation(species, JIEFANG)); // aggregated: AlertUpdated, 2 … 6 observations
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(subscription),
                    d -> d.size() == 2 && d.stream().allMatch(x -> "DELIVERED".equals(x.get("status"))));
            List<RobotReceiver.Received> messages = robot.received();
            assertEquals(2, messages.size(), "one for the new alert, one (after the interval) for its five updates");
            String update = json.readTree(messages.get(1).body()).path("markdown").path("content").asText();
            assertTrue(update.contains("观测次数：6"), update);
            assertTrue(update.contains("预警更新"), update);
        }
    }

    @Test
    void fifty_updates_of_an_aggregated_alert_are_one_message_then_at_most_one_update_per_interval() throws Exception {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (RobotReceiver robot = RobotReceiver.answering(RobotReceiver.OK)) {
            String subscription = subscribe("DINGTALK", robot.url("/robot/send?access_token=fifty-" + species.id()),
                    null, species.id());
            events.recorded(observation(species, JIEFANG));
            await().atMost(Duration.ofSeconds(15)).until(() -> robot.received().size() == 1);
            Instant start = Instant.now();

            for (int i = 0; i < 50; i++) {
                events.recorded(observation(species, JIEFANG)); // 2 … 51 observations, each an AlertUpdated
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> robot.received().stream().anyMatch(r ->
                    r.body().contains("观测次数：51")));
            List<Map<String, Object>> sent = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                    d -> d.stream().allMatch(x -> "DELIVERED".equals(x.get("status"))));
            long seconds = Duration.between(start, Instant.now()).toSeconds();
            int messages = robot.received().size();
            // The test profile's interval is 8 s: one message, then one update per 8 s at most, not 50.
            assertTrue(messages >= 2 && messages <= 2 + seconds / 8, messages + " messages in " + seconds + " s");
            assertEquals(messages, sent.size());
            List<Instant> times = sent.stream().map(d -> Instant.parse((String) d.get("lastAttemptAt"))).sorted().toList();
            for (int i = 1; i < times.size(); i++) {
                assertTrue(!times.get(i).isBefore(times.get(i - 1).plusMillis(7900)),
                        "updates at least the interval apart: " + times);
            }
        }
    }

    @Test
    void robot_settings_are_checked_in_one_400_and_the_secret_and_token_are_never_shown() {
        long species = newSpeciesId();
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(body("WECOM", "https://evil.example/cgi-bin/webhook/send?key=k", "a-secret-nobody-needs-1", species))
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", Matchers.hasItems("webhook.url", "webhook.secret"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(body("DINGTALK", "https://oapi.dingtalk.com/robot/send", "not-a-dingtalk-secret-123", species))
                .when().post("/subscriptions").then().statusCode(400)
                .body("violations.field", Matchers.hasItems("webhook.url", "webhook.secret"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(body("DINGTALK", "http://127.0.0.2:9/robot/send?access_token=t", null, species))
                .when().post("/subscriptions").then().statusCode(400)
                .body("violations.field", Matchers.hasItem("webhook.url"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(body("TELEGRAM", "https://oapi.dingtalk.com/robot/send?access_token=t", null, species))
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json");

        String id = subscribe("DINGTALK", "https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789",
                DINGTALK_SECRET, species);
        String view = given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/subscriptions/" + id)
                .then().statusCode(200).body("channel", Matchers.equalTo("DINGTALK"))
                .body("secretSet", Matchers.equalTo(true))
                .body("webhookUrl", Matchers.equalTo("https://oapi.dingtalk.com/robot/send?access_token=abcd…"))
                .extract().asString();
        assertFalse(view.contains(DINGTALK_SECRET));
        assertFalse(view.contains("abcdef0123456789"));
    }

    @Test
    void a_webhook_without_a_channel_is_a_webhook_as_before() {
        String id = given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "n", "organization", "o", "webhook", Map.of("url", "https://lyj.example/hook",
                        "secret", "long-enough-secret-123")))
                .when().post("/subscriptions").then().statusCode(201).body("channel", Matchers.equalTo("WEBHOOK"))
                .extract().path("id");
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "n", "organization", "o", "webhook", Map.of("url", "https://lyj.example/hook")))
                .when().post("/subscriptions").then().statusCode(400)
                .body("violations.field", Matchers.hasItem("webhook.secret"));
        assertTrue(id != null);
    }

    @Test
    void a_test_message_reports_the_robots_answer_and_is_logged_as_a_test() throws Exception {
        long species = newSpeciesId();
        try (RobotReceiver robot = RobotReceiver.answering(RobotReceiver.OK,
                "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}")) {
            String subscription = subscribe("DINGTALK", robot.url("/robot/send?access_token=t-" + species),
                    DINGTALK_SECRET, species);

            given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                    .post("/subscriptions/" + subscription + "/test").then().statusCode(200)
                    .body("kind", Matchers.equalTo("TEST")).body("status", Matchers.equalTo("DELIVERED"))
                    .body("eventType", Matchers.equalTo("SubscriptionTest")).body("alertId", Matchers.nullValue());
            JsonNode message = json.readTree(robot.received().get(0).body());
            assertTrue(message.path("markdown").path("title").asText().contains("美国白蛾"));
            assertTrue(message.path("markdown").path("text").asText().contains("测试消息"));

            given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                    .post("/subscriptions/" + subscription + "/test").then().statusCode(200)
                    .body("status", Matchers.equalTo("FAILED")).body("attempts", Matchers.equalTo(1))
                    .body("lastError", Matchers.equalTo("errcode 310000: keywords not in content"));

            List<Map<String, Object>> log = deliveries(subscription);
            assertEquals(2, log.size());
            assertTrue(log.stream().allMatch(d -> "TEST".equals(d.get("kind"))));
        }
    }

    @Test
    void a_test_message_is_for_the_subscriptions_organisation_only() {
        String id = subscribe("DINGTALK", "https://oapi.dingtalk.com/robot/send?access_token=t", null, newSpeciesId());
        given().header("Authorization", "Bearer " + TestTokens.token(Roles.BUREAU, "other-" + UUID.randomUUID(),
                "other-org-" + UUID.randomUUID(), Duration.ofHours(1))).when().post("/subscriptions/" + id + "/test")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).when().post("/subscriptions/" + id + "/test")
                .then().statusCode(403);
    }

    @Test
    void a_webhook_test_message_is_signed_and_typed_subscription_test() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            String id = given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                    .body(Map.of("name", "n", "organization", "o", "webhook", Map.of("url", receiver.url(),
                            "secret", "test-message-secret-123")))
                    .when().post("/subscriptions").then().statusCode(201).extract().path("id");
            given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).when().post("/subscriptions/" + id + "/test")
                    .then().statusCode(200).body("status", Matchers.equalTo("DELIVERED"))
                    .body("lastStatus", Matchers.equalTo(204));
            WebhookReceiver.Received request = receiver.received().get(0);
            assertEquals("SubscriptionTest", request.header("X-Alert-Event-Type"));
            assertEquals("SubscriptionTest", json.readTree(request.body()).path("type").asText());
            assertTrue(request.header("X-Alert-Signature").startsWith("sha256="));
        }
    }

    @Test
    void over_20_messages_a_minute_a_wecom_robot_queues_the_next_instead_of_dropping_it() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (RobotReceiver robot = RobotReceiver.answering(RobotReceiver.OK)) {
            String subscription = subscribe("WECOM", robot.url("/robot/send?key=busy-" + species.id()), null,
                    species.id());
            for (int i = 0; i < 20; i++) {
                given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                        .post("/subscriptions/" + subscription + "/test").then().statusCode(200)
                        .body("status", Matchers.equalTo("DELIVERED"));
            }

            events.recorded(observation(species, JIEFANG));

            Map<String, Object> queued = await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(subscription),
                    d -> d.stream().anyMatch(x -> "EVENT".equals(x.get("kind")) && x.get("nextAttemptAt") != null
                            && Instant.parse((String) x.get("nextAttemptAt")).isAfter(Instant.now().plusSeconds(20))))
                    .stream().filter(x -> "EVENT".equals(x.get("kind"))).findFirst().orElseThrow();
            assertEquals("PENDING", queued.get("status"));
            assertEquals(0, queued.get("attempts"), "waiting for room is not a try");
            assertNull(queued.get("lastAttemptAt"));
            assertEquals(20, robot.received().size());
        }
    }
}
