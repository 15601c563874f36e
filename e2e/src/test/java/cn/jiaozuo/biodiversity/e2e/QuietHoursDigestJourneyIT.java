package cn.jiaozuo.biodiversity.e2e;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.ALERTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A bureau's DingTalk group and its duty e-mail, with quiet hours 22:00–07:00 and a daily e-mail digest at 08:00. At
 * night a CRITICAL 美国白蛾 alert (the first in 马村区) reaches the DingTalk group at once; a MEDIUM one (the next,
 * after the first was resolved) does not, and arrives in the morning's e-mail digest, read back from the stack's
 * GreenMail (its REST API). "Night" and "morning" are alert-service's delivery clock, moved through the e2e stack's
 * own PUT /e2e/clock (alerts.e2e.clock-hook, set only there); the digest pass runs on its own every 30 s.
 */
class QuietHoursDigestJourneyIT {

    private static final String MACUN = "410804"; // 马村区: urban, no priority area; this journey's county for 美国白蛾
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String MAIL_API = System.getProperty("e2e.mail-api-url", "http://127.0.0.1:18025");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A DingTalk robot as the vendor answers: HTTP 200 and {"errcode":0}; records each message's JSON. */
    private static final class DingTalkGroup implements AutoCloseable {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        final HttpServer server;

        DingTalkGroup() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/robot/send", exchange -> {
                messages.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=e2e-" + UUID.randomUUID();
        }

        List<String> titles() {
            return messages.stream().map(m -> m.path("markdown").path("title").asText()).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static void clockAt(LocalDate day, int hour, int minute) {
        given().contentType("application/json")
                .body(Map.of("now", day.atTime(hour, minute).atZone(SHANGHAI).toOffsetDateTime().toString()))
                .put(ALERTS + "/e2e/clock").then().statusCode(204);
    }

    private static Map<String, Object> newAlert(String observationUuid) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonPath page = as("bureau", ALERTS).queryParam("countyCode", MACUN).queryParam("rule", "INVASIVE_SPECIES")
                    .get("/alerts").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                List<String> uuids = as("bureau", ALERTS).get("/alerts/" + item.get("id")).then().extract().jsonPath()
                        .getList("observationUuids", String.class);
                if (uuids != null && uuids.contains(observationUuid)) {
                    return item;
                }
            }
            return null;
        }, a -> a != null);
    }

    private static String sight() {
        Map<String, Object> webworm = Sightings.sightingAt(Sightings.HYPHANTRIA_CUNEA, MACUN, 35.27, 113.37);
        as("ranger", OBSERVATIONS).body(webworm).post("/observations").then().statusCode(201);
        return webworm.get("uuid").toString();
    }

    /** The messages GreenMail holds for the address (its REST API: subject decoded, mimeMessage raw). */
    private static List<Map<String, Object>> mailFor(String address) {
        return given().get(MAIL_API + "/api/user/" + address + "/messages").then().statusCode(200).extract().jsonPath()
                .getList("");
    }

    @Test
    void a_critical_webworm_at_night_goes_to_dingtalk_at_once_and_a_medium_one_into_the_morning_e_mail_digest()
            throws Exception {
        String dutyMail = "zhiban-" + UUID.randomUUID() + "@lyj.jiaozuo.example";
        LocalDate tomorrow = LocalDate.now(SHANGHAI).plusDays(1);
        Map<String, Object> filter = Map.of("countyCodes", List.of(MACUN), "rules", List.of("INVASIVE_SPECIES"));
        Map<String, String> quiet = Map.of("from", "22:00", "to", "07:00");
        try (DingTalkGroup group = new DingTalkGroup()) {
            as("bureau", ALERTS).body(Map.of("name", "马村区 美国白蛾 钉钉群", "organization", "马村区林业局",
                    "channel", "DINGTALK", "filter", filter, "quietHours", quiet,
                    "webhook", Map.of("url", group.url()))).post("/subscriptions").then().statusCode(201);
            as("bureau", ALERTS).body(Map.of("name", "马村区 值班邮箱", "organization", "马村区林业局", "channel", "EMAIL",
                    "filter", filter, "quietHours", quiet, "digest", "DAILY", "digestAt", "08:00",
                    "email", Map.of("recipients", List.of(dutyMail)))).post("/subscriptions").then().statusCode(201)
                    .body("digest", equalTo("DAILY")).body("quietHours.from", equalTo("22:00"));
            try {
                clockAt(tomorrow, 23, 10);

                // The first 美国白蛾 in 马村区: CRITICAL, through the quiet hours at once.
                Map<String, Object> critical = newAlert(sight());
                assertEquals("CRITICAL", critical.get("severity"));
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                        .until(group::titles, t -> t.contains("【严重】入侵物种预警：美国白蛾（马村区）"));

                // Handled that night; the next record raises a new alert, MEDIUM now (known in the county, no plot).
                as("bureau", ALERTS).body(Map.of("notes", "值班员已通知")).post("/alerts/" + critical.get("id") + "/acknowledge")
                        .then().statusCode(200);
                as("bureau", ALERTS).body(Map.of("action", "CONTAINED", "notes", "网幕已剪除"))
                        .post("/alerts/" + critical.get("id") + "/resolve").then().statusCode(200);
                clockAt(tomorrow, 23, 40);
                Map<String, Object> medium = newAlert(sight());
                assertEquals("MEDIUM", medium.get("severity"));
                String mediumId = medium.get("id").toString();

                // Morning: the 08:00 digest (the pass runs every 30 s) lists it in the duty e-mail.
                clockAt(tomorrow.plusDays(1), 8, 0);
                Map<String, Object> digest = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> mailFor(dutyMail).stream()
                                .filter(m -> String.valueOf(m.get("subject")).startsWith("【预警汇总】")).findFirst()
                                .orElse(null), m -> m != null);
                String raw = String.valueOf(digest.get("mimeMessage"));
                assertTrue(raw.contains("multipart/alternative"), "HTML and text parts");
                as("bureau", ALERTS).get("/alerts/" + mediumId).then().statusCode(200).body("severity", equalTo("MEDIUM"));
                // The DingTalk group's held MEDIUM alert went out when its quiet hours ended (07:00), as a digest.
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .until(group::titles, t -> t.stream().anyMatch(s -> s.startsWith("【预警汇总】")));
                // It never came to the group on its own: no 【中】 message, at night or since.
                assertTrue(group.titles().stream().noneMatch(t -> t.startsWith("【中】")), group.titles().toString());
                assertTrue(group.messages.toString().contains(mediumId.substring(0, 8)), "the digest lists it");
            } finally {
                given().delete(ALERTS + "/e2e/clock").then().statusCode(204);
            }
        }
    }
}
