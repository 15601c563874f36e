package cn.jiaozuo.biodiversity.alert.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The robots' message formats and signatures, without a network. */
class RobotMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSOLE = "https://jiaozuo.example/console/";

    private static AlertSnapshot moth(String severity, String reason) {
        // 06:30 UTC is 14:30 in Asia/Shanghai
        OffsetDateTime at = OffsetDateTime.parse("2026-06-01T06:30:00Z");
        return new AlertSnapshot(UUID.fromString("0b7e0a4e-94c4-4a4e-9d52-3c1c5e0f6a11"), "INVASIVE_SPECIES", severity,
                "OPEN", 60L, "Hyphantria cunea", "美国白蛾", "INSECT", "410802", null, 3, at, at,
                new AlertSnapshot.AlertLocation(35.25, 113.25, null, true), null, null, Instant.EPOCH, Instant.EPOCH,
                reason, null, null);
    }

    @Test
    void the_text_names_severity_species_in_chinese_and_latin_county_count_and_shanghai_time() {
        RobotMessages.AlertText text = RobotMessages.text("AlertRaised", moth("CRITICAL", null), CONSOLE);
        assertEquals("【严重】入侵物种预警：美国白蛾（解放区）", text.title());
        assertTrue(text.lines().contains("物种：美国白蛾 Hyphantria cunea"), text.lines().toString());
        assertTrue(text.lines().contains("县区：解放区"));
        assertTrue(text.lines().contains("观测次数：3"));
        assertTrue(text.lines().contains("时间：2026-06-01 14:30（北京时间）"), text.lines().toString());
        assertTrue(text.lines().contains("事件：新预警"));
        assertEquals(CONSOLE, text.link());
    }

    @Test
    void every_title_holds_the_keyword_the_guide_tells_robots_to_require() {
        for (String rule : java.util.List.of("INVASIVE_SPECIES", "PROTECTED_SPECIES", "ENFORCEMENT", "SOME_NEW_RULE")) {
            AlertSnapshot a = moth("HIGH", null);
            AlertSnapshot other = new AlertSnapshot(a.id(), rule, a.severity(), a.status(), a.speciesId(),
                    a.scientificName(), a.chineseName(), a.speciesGroup(), a.countyCode(), a.plotCode(),
                    a.observationCount(), a.firstObservedAt(), a.lastObservedAt(), a.location(), a.resolution(),
                    a.notes(), a.createdAt(), a.updatedAt(), a.reason(), a.incident(), a.disease());
            assertTrue(RobotMessages.text("AlertUpdated", other, CONSOLE).title().contains("预警"), rule);
        }
        assertTrue(RobotMessages.text("SubscriptionTest", moth("CRITICAL", null), CONSOLE).title().startsWith("【测试】"));
    }

    @Test
    void the_message_shows_no_coordinates_not_even_generalized_ones() throws Exception {
        RobotMessages.RobotRequest request = RobotMessages.wecom("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                RobotMessages.text("AlertRaised", moth("HIGH", null), CONSOLE));
        assertFalse(request.body().contains("35.25"));
        assertFalse(request.body().contains("113.25"));
    }

    @Test
    void wecom_gets_a_markdown_message_with_a_console_link() throws Exception {
        RobotMessages.RobotRequest request = RobotMessages.wecom("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                RobotMessages.text("AlertRaised", moth("CRITICAL", null), CONSOLE));
        JsonNode body = JSON.readTree(request.body());
        assertEquals("markdown", body.path("msgtype").asText());
        String content = body.path("markdown").path("content").asText();
        assertTrue(content.startsWith("### 【严重】入侵物种预警：美国白蛾（解放区）\n"), content);
        assertTrue(content.endsWith("[在控制台查看](" + CONSOLE + ")"), content);
        assertEquals("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", request.uri().toString());
    }

    @Test
    void a_wecom_message_over_4096_bytes_is_cut_between_characters() throws Exception {
        String reason = "很长的原因".repeat(400); // 6000 bytes of UTF-8
        RobotMessages.RobotRequest request = RobotMessages.wecom("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                RobotMessages.text("AlertRaised", moth("CRITICAL", reason), CONSOLE));
        String content = JSON.readTree(request.body()).path("markdown").path("content").asText();
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= 4096 && bytes > 4000, "bytes: " + bytes);
        assertTrue(content.endsWith("…"));
        assertFalse(content.contains("\uFFFD"));
    }

    @Test
    void markdown_characters_in_text_neither_link_nor_format() {
        assertEquals("［x］（http://evil） ＊b＊ ＜script＞", RobotMessages.escape("[x]（http://evil） *b* <script>"));
    }

    @Test
    void the_dingtalk_signature_matches_a_worked_example() {
        // Computed with openssl: printf '1700000000000\nSEC…' | openssl dgst -sha256 -hmac 'SEC…' -binary | base64
        String secret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";
        assertEquals("8SZas7RY4E7wuOlgLfjLwHSKZpyUEdXdLvFYSDZiiFw=", RobotMessages.dingTalkSign(1700000000000L, secret));
    }

    @Test
    void dingtalk_gets_markdown_and_the_signature_as_url_encoded_query_parameters() throws Exception {
        String secret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";
        RobotMessages.RobotRequest request = RobotMessages.dingTalk("https://oapi.dingtalk.com/robot/send?access_token=t",
                secret, RobotMessages.text("AlertRaised", moth("CRITICAL", null), CONSOLE), 1700000000000L);
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000"
                + "&sign=8SZas7RY4E7wuOlgLfjLwHSKZpyUEdXdLvFYSDZiiFw%3D", request.uri().toString());
        JsonNode body = JSON.readTree(request.body());
        assertEquals("markdown", body.path("msgtype").asText());
        assertEquals("【严重】入侵物种预警：美国白蛾（解放区）", body.path("markdown").path("title").asText());
        assertTrue(body.path("markdown").path("text").asText().contains("- 物种：美国白蛾 Hyphantria cunea"));
    }

    @Test
    void dingtalk_without_a_secret_is_not_signed() {
        RobotMessages.RobotRequest request = RobotMessages.dingTalk("https://oapi.dingtalk.com/robot/send?access_token=t",
                null, RobotMessages.text("AlertRaised", moth("CRITICAL", null), CONSOLE), 1700000000000L);
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=t", request.uri().toString());
    }

    @Test
    void the_feishu_signature_matches_a_worked_example() {
        // Computed with openssl: key "1700000000\ndemo-feishu-secret-123" over an empty message:
        // printf '' | openssl dgst -sha256 -hmac "$(printf '1700000000\ndemo-feishu-secret-123')" -binary | base64
        assertEquals("dlfvPPPPLYI7CmA9356x5wzk5c0b4KSf3AKiDdOKXus=",
                RobotMessages.feishuSign(1700000000L, "demo-feishu-secret-123"));
    }

    @Test
    void feishu_gets_a_post_message_with_timestamp_and_sign_in_the_body() throws Exception {
        RobotMessages.RobotRequest request = RobotMessages.feishu("https://open.feishu.cn/open-apis/bot/v2/hook/abc",
                "demo-feishu-secret-123", RobotMessages.text("AlertRaised", moth("MEDIUM", null), CONSOLE), 1700000000L);
        JsonNode body = JSON.readTree(request.body());
        assertEquals("1700000000", body.path("timestamp").asText());
        assertEquals("dlfvPPPPLYI7CmA9356x5wzk5c0b4KSf3AKiDdOKXus=", body.path("sign").asText());
        assertEquals("post", body.path("msg_type").asText());
        JsonNode post = body.path("content").path("post").path("zh_cn");
        assertEquals("【中】入侵物种预警：美国白蛾（解放区）", post.path("title").asText());
        assertTrue(post.path("content").get(0).get(0).path("text").asText().contains("县区：解放区"));
        assertEquals(CONSOLE, post.path("content").get(1).get(0).path("href").asText());
    }
}
