package cn.jiaozuo.biodiversity.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.alert.messaging.WebhookDispatcher;
import cn.jiaozuo.biodiversity.common.events.BulletinSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Published bulletins (topic bulletins) reach the subscriptions that asked for them, through each channel, with the
 * absolute link to bulletin-service (the test profile's alerts.channels.bulletin-url); once per event; a county filter
 * keeps other counties' bulletins away; an unreadable event goes to bulletins.dlq.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpTestServer.class, restrictToAnnotatedClass = true)
class BulletinDeliveryTest {

    private static final String BASE = "https://bulletins.jiaozuo.example";
    private static final String SECRET = "bulletin-secret-shared-with-the-bureau";

    @Inject
    ObjectMapper json;

    private final KafkaTestClient kafka = KafkaTestClient.create();

    @AfterEach
    void close() {
        kafka.close();
    }

    private static String subscribe(Map<String, Object> body) {
        Map<String, Object> request = new HashMap<>(body);
        request.put("name", "bulletins " + UUID.randomUUID());
        request.put("organization", "市林业局");
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(request).when().post("/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> deliveries(String subscription) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                .get("/subscriptions/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    private EventEnvelope<BulletinSnapshot> publish(String scope) throws Exception {
        UUID id = UUID.randomUUID();
        BulletinSnapshot bulletin = new BulletinSnapshot(id, "焦作市生物多样性监测简报 2026年5月", scope, "INTERNAL",
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), 1, "ab".repeat(32), "/bulletins/" + id + ".html",
                "/bulletins/" + id + ".pdf", Instant.now());
        EventEnvelope<BulletinSnapshot> envelope = EventEnvelope.of(EventTypes.BULLETIN_PUBLISHED, "bulletin-service",
                bulletin);
        kafka.send(Topics.BULLETINS, id.toString(), json.writeValueAsString(envelope));
        return envelope;
    }

    @Test
    void a_published_bulletin_reaches_each_channel_once_with_its_absolute_link() throws Exception {
        String to = "jianbao-" + UUID.randomUUID() + "@lyj.example.cn";
        try (WebhookReceiver receiver = WebhookReceiver.answering(200);
                RobotReceiver robot = RobotReceiver.answering(RobotReceiver.OK)) {
            String hook = subscribe(Map.of("bulletins", true, "webhook", Map.of("url", receiver.url(), "secret", SECRET)));
            String ding = subscribe(Map.of("bulletins", true, "channel", "DINGTALK",
                    "webhook", Map.of("url", robot.url("/robot/send?access_token=bulletins"))));
            String mail = subscribe(Map.of("bulletins", true, "channel", "EMAIL", "email", Map.of("recipients", List.of(to))));
            String without = subscribe(Map.of("webhook", Map.of("url", receiver.url(), "secret", SECRET)));
            String otherCounty = subscribe(Map.of("bulletins", true, "filter", Map.of("countyCodes", List.of("410802")),
                    "webhook", Map.of("url", receiver.url(), "secret", SECRET)));

            EventEnvelope<BulletinSnapshot> event = publish("410821");
            String html = BASE + "/bulletins/" + event.data().id() + ".html";

            WebhookReceiver.Received sent = await().atMost(Duration.ofSeconds(15)).until(receiver::received,
                    r -> !r.isEmpty()).get(0);
            assertEquals("BulletinPublished", sent.header("X-Alert-Event-Type"));
            assertEquals(event.eventId().toString(), sent.header("X-Alert-Event-Id"));
            assertEquals(WebhookDispatcher.sign(sent.body(), SECRET), sent.header("X-Alert-Signature"));
            JsonNode data = json.readTree(sent.body()).path("data");
            assertEquals(html, data.path("htmlUrl").asText());
            assertEquals(BASE + "/bulletins/" + event.data().id() + ".pdf", data.path("pdfUrl").asText());

            JsonNode markdown = json.readTree(await().atMost(Duration.ofSeconds(15)).until(robot::received,
                    r -> !r.isEmpty()).get(0).body()).path("markdown");
            assertTrue(markdown.path("title").asText().startsWith("【监测简报】"), markdown.toString());
            assertTrue(markdown.path("text").asText().contains("(" + html + ")"), "the link: " + markdown);

            MimeMessage message = await().atMost(Duration.ofSeconds(15)).until(() -> SmtpTestServer.receivedBy(to),
                    m -> !m.isEmpty()).get(0);
            assertTrue(message.getSubject().startsWith("【监测简报】焦作市生物多样性监测简报"), message.getSubject());

            for (String subscription : List.of(hook, ding, mail)) {
                Map<String, Object> d = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                        l -> l.size() == 1 && "DELIVERED".equals(l.get(0).get("status"))).get(0);
                assertEquals("BULLETIN", d.get("kind"));
            }

            // The same event again (a redelivery) sends nothing; a later bulletin is the sentinel that it was read.
            kafka.send(Topics.BULLETINS, event.data().id().toString(), json.writeValueAsString(event));
            EventEnvelope<BulletinSnapshot> next = publish("CITY");
            await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(hook), l -> l.size() == 2);
            assertEquals(List.of(next.eventId().toString(), event.eventId().toString()),
                    deliveries(hook).stream().map(d -> d.get("eventId")).toList());
            assertEquals(List.of(), deliveries(without), "did not ask for bulletins");
            assertEquals(List.of(next.eventId().toString()), deliveries(otherCounty).stream().map(d -> d.get("eventId"))
                    .toList(), "解放区 only: the city-wide bulletin, not 修武县's");
        }
    }

    @Test
    void an_unreadable_bulletin_event_goes_to_the_dead_letter_topic() {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(Topics.BULLETINS, key, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"BulletinPublished\","
                + "\"data\":{\"title\":\"no id, no links\"}}");
        assertEquals(1, kafka.await(Topics.BULLETINS_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(20)).size());
    }
}
