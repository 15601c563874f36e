package cn.jiaozuo.biodiversity.alert.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.alert.domain.Channel;
import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A digest as text: grouped by rule and county, cut before each robot's limit with "另有 N 条" (plain JUnit). */
class DigestMessagesTest {

    private static final String CONSOLE = "https://yujing.jiaozuo.example/console/";

    private static AlertDigest.Entry entry(String rule, String severity, String county, String chinese, String latin) {
        OffsetDateTime at = OffsetDateTime.parse("2026-06-01T23:15:00+08:00");
        return new AlertDigest.Entry("AlertRaised", new AlertSnapshot(UUID.randomUUID(), rule, severity, "OPEN", 60L,
                latin, chinese, "INSECT", county, null, 2, at, at, new AlertSnapshot.AlertLocation(35.2, 113.2, 10.0, false),
                null, null, at.toInstant(), at.toInstant(), null, null, null));
    }

    private static AlertDigest digest(List<AlertDigest.Entry> entries) {
        return new AlertDigest(UUID.randomUUID(), Instant.parse("2026-06-02T00:00:00Z"), entries.size(), 0,
                DigestMessages.group(entries));
    }

    @Test
    void alerts_are_grouped_by_rule_and_county_most_severe_first() {
        List<AlertDigest.Entry> entries = List.of(
                entry("INVASIVE_SPECIES", "MEDIUM", "410802", "美国白蛾", "Hyphantria cunea"),
                entry("PROTECTED_SPECIES", "INFO", "410802", "林麝", "Moschus berezovskii"),
                entry("INVASIVE_SPECIES", "HIGH", "410821", "加拿大一枝黄花", "Solidago canadensis"),
                entry("INVASIVE_SPECIES", "HIGH", "410802", "福寿螺", "Pomacea canaliculata"));
        List<AlertDigest.Group> groups = DigestMessages.group(entries);
        assertEquals(3, groups.size());
        assertEquals("INVASIVE_SPECIES", groups.get(0).rule());
        assertEquals("410802", groups.get(0).countyCode());
        assertEquals(List.of("HIGH", "MEDIUM"), groups.get(0).alerts().stream().map(e -> e.alert().severity()).toList());
        assertEquals("410821", groups.get(1).countyCode());
        assertEquals("PROTECTED_SPECIES", groups.get(2).rule());

        RobotMessages.AlertText text = DigestMessages.text(digest(entries), CONSOLE, RobotMessages.WECOM_MAX_BYTES);
        assertEquals("【预警汇总】4 条预警（截至 06-02 08:00 北京时间）", text.title());
        assertEquals("【入侵物种 · 解放区】2 条", text.lines().get(0));
        assertTrue(text.lines().get(1).startsWith("· 【高】福寿螺 Pomacea canaliculata，观测 2 次，06-01 23:15，新预警"),
                text.lines().get(1));
        assertEquals("【入侵物种 · 修武县】1 条", text.lines().get(3));
        assertEquals("【保护物种 · 解放区】1 条", text.lines().get(5));
        assertEquals(7, text.lines().size(), "no 'more' line when all fit");
        assertTrue(text.title().contains("预警"), "the keyword DingTalk robots are told to require");
    }

    @Test
    void a_long_digest_stops_before_each_robots_limit_and_says_how_many_more() throws Exception {
        List<AlertDigest.Entry> entries = new ArrayList<>();
        IntStream.range(0, 300).forEach(i -> entries.add(entry("INVASIVE_SPECIES", "MEDIUM",
                i % 2 == 0 ? "410802" : "410811", "美国白蛾", "Hyphantria cunea " + i)));
        AlertDigest digest = digest(entries);
        ObjectMapper json = new ObjectMapper();

        RobotMessages.AlertText wecomText = DigestMessages.text(digest, CONSOLE, DigestMessages.maxBytes(Channel.WECOM));
        String content = json.readTree(RobotMessages.wecom("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                wecomText).body()).path("markdown").path("content").asText();
        assertTrue(content.getBytes(StandardCharsets.UTF_8).length <= RobotMessages.WECOM_MAX_BYTES);
        assertFalse(content.endsWith("…"), "not cut by the robot's limit: it stops at a whole line");
        String last = wecomText.lines().get(wecomText.lines().size() - 1);
        long listed = wecomText.lines().stream().filter(l -> l.startsWith("· ")).count();
        assertTrue(listed > 5 && listed < 300, "some listed: " + listed);
        assertEquals("……另有 " + (300 - listed) + " 条预警，请在控制台查看：" + CONSOLE, last);
        assertTrue(content.contains(CONSOLE));

        RobotMessages.AlertText dingText = DigestMessages.text(digest, CONSOLE, DigestMessages.maxBytes(Channel.DINGTALK));
        String ding = json.readTree(RobotMessages.dingTalk("https://oapi.dingtalk.com/robot/send?access_token=t", null,
                dingText, 1L).body()).path("markdown").path("text").asText();
        assertTrue(ding.getBytes(StandardCharsets.UTF_8).length <= RobotMessages.DINGTALK_MAX_BYTES);
        assertFalse(ding.endsWith("…"));
        long dingListed = dingText.lines().stream().filter(l -> l.startsWith("· ")).count();
        assertTrue(dingListed > listed, "DingTalk takes more than WeCom");

        RobotMessages.AlertText feishuText = DigestMessages.text(digest, CONSOLE, DigestMessages.maxBytes(Channel.FEISHU));
        String feishu = RobotMessages.feishu("https://open.feishu.cn/open-apis/bot/v2/hook/x", null, feishuText, 1L).body();
        assertTrue(feishu.getBytes(StandardCharsets.UTF_8).length <= 20 * 1024, "Feishu's 20 KB request limit");

        RobotMessages.AlertText mailText = DigestMessages.text(digest, CONSOLE, DigestMessages.maxBytes(Channel.EMAIL));
        assertEquals(300, mailText.lines().stream().filter(l -> l.startsWith("· ")).count(), "e-mail lists all 300");
    }
}
