package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.XIUWU;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.alert.domain.DeliveryClock;
import cn.jiaozuo.biodiversity.alert.messaging.Digests;
import cn.jiaozuo.biodiversity.alert.messaging.WebhookDispatcher;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Immediate severities, hourly and daily digests and quiet hours, on the real consumer, outbox and dispatcher. The
 * {@link DeliveryClock} says what time it is for quiet hours; digests are sent by running the pass "as of" a time
 * ({@link Digests#run}), never by waiting. The background pass is off in the test profile. Times are tomorrow's and
 * later, in Asia/Shanghai, so that every due time lies after the subscription was made.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpTestServer.class, restrictToAnnotatedClass = true)
class DigestAndQuietHoursTest extends ObservationEventsFixture {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SECRET = "digest-secret-shared-with-the-bureau";

    @Inject
    DeliveryClock clock;

    @Inject
    Digests digests;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Local time {@code hh:mm} {@code days} days from today (Asia/Shanghai). */
    private static Instant at(int days, int hour, int minute) {
        return LocalDate.now(SHANGHAI).plusDays(days).atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }

    private static String subscribe(Map<String, Object> body) {
        Map<String, Object> request = new HashMap<>(body);
        request.putIfAbsent("name", "digest " + UUID.randomUUID());
        request.putIfAbsent("organization", "市林业局");
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(request).when().post("/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> deliveries(String subscription) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                .get("/subscriptions/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    private static List<Map<String, Object>> alerts(long speciesId) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("speciesId", speciesId)
                .when().get("/alerts").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Waits for the species' alert (its deliveries and digest line were written in the same transaction). */
    private static Map<String, Object> awaitAlert(long speciesId, String severity) {
        Map<String, Object> alert = await().atMost(Duration.ofSeconds(15)).until(() -> alerts(speciesId),
                a -> !a.isEmpty()).get(0);
        assertEquals(severity, alert.get("severity"));
        return alert;
    }

    /** A CRITICAL alert: the species' first record in the county. */
    private Map<String, Object> critical(long id, String county) {
        events.recorded(observation(invasive(id), county));
        return awaitAlert(id, "CRITICAL");
    }

    /** A record of a species known in the county before it was listed: HIGH in a priority area, else MEDIUM. */
    private Map<String, Object> known(long id, String county) {
        SpeciesSnapshot listed = invasive(id);
        events.recorded(observation(new SpeciesSnapshot(id, listed.scientificName(), listed.chineseName(),
                listed.englishName(), listed.group(), listed.protectionLevel(), false, false), county));
        events.recorded(observation(listed, county));
        return awaitAlert(id, XIUWU.equals(county) ? "HIGH" : "MEDIUM");
    }

    private static List<Long> ids(int n) {
        return LongStream.range(0, n).map(i -> newSpeciesId()).boxed().toList();
    }

    /** At-least-once: a try the slow test machine timed out may arrive twice; receivers dedupe by event id. */
    private static List<WebhookReceiver.Received> distinct(WebhookReceiver receiver) {
        Map<String, WebhookReceiver.Received> byEvent = new java.util.LinkedHashMap<>();
        receiver.received().forEach(r -> byEvent.putIfAbsent(r.header("X-Alert-Event-Id"), r));
        return List.copyOf(byEvent.values());
    }

    private static Map<String, Object> webhook(String url) {
        return Map.of("url", url, "secret", SECRET);
    }

    @Test
    void critical_goes_at_once_and_the_rest_waits_for_the_next_full_hour() throws Exception {
        List<Long> species = ids(2);
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String subscription = subscribe(Map.of("filter", Map.of("speciesIds", species), "digest", "HOURLY",
                    "webhook", webhook(receiver.url())));
            clock.set(at(1, 10, 20));

            Map<String, Object> critical = critical(species.get(0), JIEFANG);
            Map<String, Object> medium = known(species.get(1), JIEFANG);

            WebhookReceiver.Received sent = await().atMost(Duration.ofSeconds(15)).until(receiver::received,
                    r -> !r.isEmpty()).get(0);
            assertEquals("AlertRaised", sent.header("X-Alert-Event-Type"));
            assertEquals(critical.get("id"), json.readTree(sent.body()).path("data").path("id").asText());
            assertEquals(1, deliveries(subscription).size(), "the MEDIUM alert waits for the digest");

            // 10:59: the digest due at 10:00 came before the alert; nothing to send.
            assertTrue(digests.run(at(1, 10, 59)).stream().noneMatch(d -> deliveries(subscription).stream()
                    .anyMatch(x -> x.get("id").equals(d.toString()))));
            assertEquals(1, deliveries(subscription).size());

            digests.run(at(1, 11, 0));
            List<WebhookReceiver.Received> received = await().atMost(Duration.ofSeconds(15))
                    .until(() -> distinct(receiver), r -> r.size() == 2);
            WebhookReceiver.Received digest = received.get(1);
            assertEquals("AlertDigest", digest.header("X-Alert-Event-Type"));
            assertEquals(WebhookDispatcher.sign(digest.body(), SECRET), digest.header("X-Alert-Signature"));
            JsonNode data = json.readTree(digest.body()).path("data");
            assertEquals(1, data.path("alertCount").asInt());
            assertEquals(at(1, 11, 0), Instant.parse(data.path("dueAt").asText()));
            assertEquals("INVASIVE_SPECIES", data.path("groups").get(0).path("rule").asText());
            assertEquals(JIEFANG, data.path("groups").get(0).path("countyCode").asText());
            assertEquals(medium.get("id"), data.path("groups").get(0).path("alerts").get(0).path("alert").path("id").asText());

            Map<String, Object> logged = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                    d -> d.size() == 2 && "DELIVERED".equals(d.get(0).get("status"))).get(0);
            assertEquals("DIGEST", logged.get("kind"));
            assertEquals("AlertDigest", logged.get("eventType"));

            // Later in the hour, and the next hour with nothing new: no further message.
            digests.run(at(1, 11, 30));
            digests.run(at(1, 12, 0));
            assertEquals(2, deliveries(subscription).size());
        }
    }

    @Test
    void quiet_hours_hold_all_but_critical_from_22_00_to_07_00_and_the_daily_digest_brings_them_once() throws Exception {
        List<Long> species = ids(5);
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String subscription = subscribe(Map.of("filter", Map.of("speciesIds", species), "digest", "DAILY",
                    "digestAt", "08:00", "immediateSeverities", List.of("HIGH"),
                    "quietHours", Map.of("from", "22:00", "to", "07:00"), "webhook", webhook(receiver.url())));
            given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/subscriptions/" + subscription)
                    .then().statusCode(200).body("digest", Matchers.equalTo("DAILY"))
                    .body("digestAt", Matchers.equalTo("08:00"))
                    .body("immediateSeverities", Matchers.equalTo(List.of("HIGH")))
                    .body("quietHours.from", Matchers.equalTo("22:00")).body("quietHours.to", Matchers.equalTo("07:00"));

            clock.set(at(1, 21, 59));
            Map<String, Object> beforeQuiet = known(species.get(0), XIUWU);
            clock.set(at(1, 22, 0));
            Map<String, Object> atTen = known(species.get(1), XIUWU);
            clock.set(at(1, 23, 30));
            Map<String, Object> criticalAtNight = critical(species.get(2), XIUWU);
            clock.set(at(2, 6, 59));
            Map<String, Object> beforeSeven = known(species.get(3), XIUWU);
            clock.set(at(2, 7, 0));
            Map<String, Object> atSeven = known(species.get(4), XIUWU);

            List<String> immediate = await().atMost(Duration.ofSeconds(15)).until(() -> distinct(receiver).stream()
                    .map(r -> readId(r.body())).toList(), r -> r.size() >= 3);
            assertEquals(3, immediate.size());
            assertEquals(java.util.Set.of(beforeQuiet.get("id"), criticalAtNight.get("id"), atSeven.get("id")),
                    java.util.Set.copyOf(immediate), "21:59, CRITICAL at night, 07:00");

            digests.run(at(2, 7, 59));
            assertEquals(3, deliveries(subscription).size(), "07:59: not yet");

            // Two replicas at 08:00: one digest.
            CompletableFuture<List<UUID>> one = CompletableFuture.supplyAsync(() -> digests.run(at(2, 8, 0)));
            CompletableFuture<List<UUID>> two = CompletableFuture.supplyAsync(() -> digests.run(at(2, 8, 0)));
            List<UUID> written = new ArrayList<>(one.get());
            written.addAll(two.get());
            digests.run(at(2, 8, 1)); // and a restart a minute later
            List<Map<String, Object>> digestsLogged = deliveries(subscription).stream()
                    .filter(d -> "DIGEST".equals(d.get("kind"))).toList();
            assertEquals(1, digestsLogged.size());
            assertTrue(written.contains(UUID.fromString((String) digestsLogged.get(0).get("id"))));

            WebhookReceiver.Received digest = await().atMost(Duration.ofSeconds(15)).until(() -> distinct(receiver),
                    r -> r.size() == 4).get(3);
            JsonNode data = json.readTree(digest.body()).path("data");
            assertEquals(2, data.path("alertCount").asInt());
            List<String> listed = new ArrayList<>();
            data.path("groups").forEach(g -> g.path("alerts").forEach(a -> listed.add(a.path("alert").path("id").asText())));
            assertEquals(java.util.Set.of(atTen.get("id"), beforeSeven.get("id")), java.util.Set.copyOf(listed),
                    "22:00 and 06:59 waited");
        }
    }

    private String readId(String body) {
        try {
            return json.readTree(body).path("data").path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_daily_e_mail_digest_lists_the_alerts_by_rule_and_county_in_html_and_text() throws Exception {
        List<Long> species = ids(3);
        String to = "digest-" + UUID.randomUUID() + "@lyj.example.cn";
        String subscription = subscribe(Map.of("filter", Map.of("speciesIds", species), "channel", "EMAIL",
                "email", Map.of("recipients", List.of(to)), "digest", "DAILY", "digestAt", "08:00"));
        clock.set(at(1, 10, 0));
        known(species.get(0), JIEFANG);
        known(species.get(1), JIEFANG);
        known(species.get(2), XIUWU);
        assertEquals(0, deliveries(subscription).size());
        assertTrue(SmtpTestServer.receivedBy(to).isEmpty());

        digests.run(at(2, 8, 0));

        MimeMessage mail = await().atMost(Duration.ofSeconds(15)).until(() -> SmtpTestServer.receivedBy(to),
                m -> !m.isEmpty()).get(0);
        assertTrue(mail.getSubject().startsWith("【预警汇总】3 条预警"), mail.getSubject());
        String text = part((Multipart) mail.getContent(), "text/plain");
        String html = part((Multipart) mail.getContent(), "text/html");
        assertTrue(text.contains("【入侵物种 · 解放区】2 条"), text);
        assertTrue(text.contains("【入侵物种 · 修武县】1 条"), text);
        assertTrue(html.contains("<li>【入侵物种 · 解放区】2 条</li>"), html);
        Map<String, Object> logged = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status"))).get(0);
        assertEquals("DIGEST", logged.get("kind"));
        digests.run(at(2, 9, 0));
        assertEquals(1, SmtpTestServer.receivedBy(to).size());
    }

    private static String part(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart inner) {
                String found = part(inner, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void a_dingtalk_robot_gets_the_hourly_digest_as_signed_markdown() throws Exception {
        List<Long> species = ids(2);
        String secret = "SEC" + "fedcba9876543210".repeat(4);
        try (RobotReceiver robot = RobotReceiver.answering(RobotReceiver.OK)) {
            String subscription = subscribe(Map.of("filter", Map.of("speciesIds", species), "channel", "DINGTALK",
                    "digest", "HOURLY", "webhook", Map.of("url", robot.url("/robot/send?access_token=digest"),
                            "secret", secret)));
            clock.set(at(1, 15, 5));
            known(species.get(0), JIEFANG);
            known(species.get(1), XIUWU);
            digests.run(at(1, 16, 0));

            RobotReceiver.Received request = await().atMost(Duration.ofSeconds(15)).until(robot::received,
                    r -> !r.isEmpty()).get(0);
            assertTrue(request.query().containsKey("sign"), "signed like every DingTalk message");
            JsonNode message = json.readTree(request.body());
            assertEquals("markdown", message.path("msgtype").asText());
            assertTrue(message.path("markdown").path("title").asText().startsWith("【预警汇总】2 条预警"));
            String markdown = message.path("markdown").path("text").asText();
            assertTrue(markdown.contains("入侵物种 · 解放区") && markdown.contains("入侵物种 · 修武县"), markdown);
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                    d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status")));
        }
    }

    @Test
    void the_e2e_clock_hook_does_not_exist_unless_the_e2e_stack_turns_it_on() {
        given().contentType("application/json").body(Map.of("now", "2030-01-01T23:00:00+08:00")).when()
                .put("/e2e/clock").then().statusCode(404);
        assertTrue(Duration.between(Instant.now(), clock.now()).abs().toSeconds() < 5, "the clock did not move");
    }

    @Test
    void settings_without_a_digest_keep_todays_behaviour_and_wrong_ones_are_one_400() {
        String plain = subscribe(Map.of("webhook", webhook("https://hooks.example.org/plain")));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when().get("/subscriptions/" + plain).then()
                .statusCode(200).body("digest", Matchers.equalTo("NONE")).body("digestAt", Matchers.nullValue())
                .body("quietHours", Matchers.nullValue()).body("immediateSeverities", Matchers.equalTo(List.of("CRITICAL")))
                .body("bulletins", Matchers.equalTo(false));

        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "n", "organization", "o", "webhook", webhook("https://hooks.example.org/x"),
                        "digest", "DAILY", "immediateSeverities", List.of("HIGH"),
                        "quietHours", Map.of("from", "25:00", "to", "07:00")))
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", Matchers.hasItems("digestAt", "quietHours.from"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "n", "organization", "o", "webhook", webhook("https://hooks.example.org/x"),
                        "immediateSeverities", List.of("HIGH"), "digest", "HOURLY", "digestAt", "08:00"))
                .when().post("/subscriptions").then().statusCode(400)
                .body("violations.field", Matchers.hasItem("digestAt"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "n", "organization", "o", "webhook", webhook("https://hooks.example.org/x"),
                        "immediateSeverities", List.of("HIGH")))
                .when().post("/subscriptions").then().statusCode(400)
                .body("violations.field", Matchers.hasItem("immediateSeverities"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "n", "organization", "o", "webhook", webhook("https://hooks.example.org/x"),
                        "digest", "DAILY", "digestAt", "23:00", "quietHours", Map.of("from", "22:00", "to", "07:00")))
                .when().post("/subscriptions").then().statusCode(400)
                .body("violations.field", Matchers.hasItem("digestAt"));
    }
}
