package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Alerts by e-mail through a real SMTP server (GreenMail in the JVM): HTML and text, a Chinese subject encoded. */
@QuarkusTest
@QuarkusTestResource(value = SmtpTestServer.class, restrictToAnnotatedClass = true)
class EmailChannelTest extends ObservationEventsFixture {

    private static String subscribe(List<String> recipients, long speciesId) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "mail " + UUID.randomUUID(), "organization", "市林业局", "channel", "EMAIL",
                        "filter", Map.of("speciesIds", List.of(speciesId)), "email", Map.of("recipients", recipients)))
                .when().post("/subscriptions").then().statusCode(201).body("channel", Matchers.equalTo("EMAIL"))
                .body("emailRecipients", Matchers.equalTo(recipients)).body("webhookUrl", Matchers.nullValue())
                .extract().path("id");
    }

    private static List<Map<String, Object>> deliveries(String subscription) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                .get("/subscriptions/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Object content = message.getContent();
        assertTrue(content instanceof Multipart, "multipart, not " + message.getContentType());
        return find((Multipart) content, type);
    }

    private static String find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart inner) {
                String found = find(inner, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void an_alert_is_mailed_with_an_encoded_chinese_subject_and_html_and_text_parts() throws Exception {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String to = "yujing-" + UUID.randomUUID() + "@lyj.example.cn";
        String subscription = subscribe(List.of(to), species.id());

        events.recorded(observation(species, JIEFANG));

        MimeMessage message = await().atMost(Duration.ofSeconds(15)).until(() -> SmtpTestServer.receivedBy(to),
                m -> !m.isEmpty()).get(0);
        String raw = message.getHeader("Subject")[0];
        assertTrue(raw.toUpperCase().startsWith("=?UTF-8?"), "RFC 2047 encoded: " + raw);
        assertEquals("【严重】入侵物种预警：美国白蛾（解放区）", message.getSubject());
        String text = part(message, "text/plain");
        String html = part(message, "text/html");
        assertNotNull(text, "a plain-text part");
        assertNotNull(html, "an HTML part");
        assertTrue(text.contains("物种：美国白蛾 " + species.scientificName()), text);
        assertTrue(html.contains("<li>县区：解放区</li>"), html);
        assertTrue(html.contains("在控制台查看</a>"));
        assertEquals(1, message.getAllRecipients().length);

        Map<String, Object> delivery = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                d -> d.size() == 1 && "DELIVERED".equals(d.get(0).get("status"))).get(0);
        assertEquals(1, delivery.get("attempts"));
    }

    @Test
    void a_test_mail_reaches_every_recipient_and_is_logged() throws Exception {
        String a = "a-" + UUID.randomUUID() + "@lyj.example.cn";
        String b = "b-" + UUID.randomUUID() + "@nyj.example.cn";
        String subscription = subscribe(List.of(a, b), newSpeciesId());

        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                .post("/subscriptions/" + subscription + "/test").then().statusCode(200)
                .body("kind", Matchers.equalTo("TEST")).body("status", Matchers.equalTo("DELIVERED"));
        // GreenMail keeps a copy per recipient's mailbox: one message, two copies.
        assertEquals(2, SmtpTestServer.receivedBy(a).size());
        assertEquals(1, SmtpTestServer.receivedBy(b).stream().map(SmtpTestServer::messageId).distinct().count());
        assertEquals(List.of(a, b), SmtpTestServer.receivedBy(b).get(0).getAllRecipients() == null ? List.of()
                : java.util.Arrays.stream(SmtpTestServer.recipients(SmtpTestServer.receivedBy(b).get(0))).toList());
    }

    @Test
    void e_mail_settings_are_checked_in_one_400() {
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "n", "organization", "o", "channel", "EMAIL",
                        "email", Map.of("recipients", List.of("not an address", "ok@lyj.example.cn")),
                        "webhook", Map.of("url", "https://lyj.example/hook", "secret", "long-enough-secret-123")))
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", Matchers.hasItems("email.recipients", "webhook"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "n", "organization", "o", "channel", "EMAIL"))
                .when().post("/subscriptions").then().statusCode(400)
                .body("violations.field", Matchers.hasItem("email.recipients"));
    }
}
