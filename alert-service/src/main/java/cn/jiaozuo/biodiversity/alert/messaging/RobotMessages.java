package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.domain.Channel;
import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An alert event as a chat robot's message: the same facts for WeCom, DingTalk and Feishu (title, severity, species
 * in Chinese and Latin, county, count, time in Asia/Shanghai, the console's address), each in its vendor's format and,
 * where the robot signs, with its signature. Only what the event envelope carries is shown, which is already
 * generalized for sensitive species (docs/security.md), and not even its point: the county and the hour suffice.
 */
public final class RobotMessages {

    /** The longest WeCom markdown content, in UTF-8 bytes (developer.work.weixin.qq.com/document/path/91770). */
    public static final int WECOM_MAX_BYTES = 4096;
    /** DingTalk documents no figure for markdown; messages over about 20 000 bytes are refused. */
    public static final int DINGTALK_MAX_BYTES = 18000;
    /** Feishu refuses request bodies over 20 KB (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot). */
    public static final int FEISHU_MAX_BYTES = 18000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String> SEVERITY = Map.of("CRITICAL", "严重", "HIGH", "高", "MEDIUM", "中",
            "INFO", "提示");
    private static final Map<String, String> RULE = Map.of("INVASIVE_SPECIES", "入侵物种预警", "PROTECTED_SPECIES",
            "保护物种预警", "ENFORCEMENT", "巡护执法预警",
            "FOLLOW_UP_OVERDUE", "防控回访逾期预警");
    private static final Map<String, String> EVENT = Map.of("AlertRaised", "新预警", "AlertUpdated", "预警更新",
            "AlertEscalated", "预警升级", "AlertAcknowledged", "预警已确认", "AlertResolved", "预警已处置",
            "SubscriptionTest", "测试消息");
    private static final Map<String, String> INCIDENT = Map.ofEntries(Map.entry("SNARE", "猎套"),
            Map.entry("TRAP", "猎夹"), Map.entry("POACHING", "盗猎"), Map.entry("ILLEGAL_LOGGING", "盗伐"),
            Map.entry("ILLEGAL_GRAZING", "违规放牧"), Map.entry("FIRE", "火情"), Map.entry("MINING", "非法采矿"),
            Map.entry("ILLEGAL_TRADE", "非法交易"), Map.entry("CARCASS", "动物尸体"), Map.entry("DISTURBANCE", "人为干扰"),
            Map.entry("OTHER", "其他"));

    private RobotMessages() {
    }

    /** What a robot is sent: the address (with DingTalk's signature parameters) and the JSON body. */
    public record RobotRequest(URI uri, String body) {
    }

    /** The facts of one alert event, in Chinese, as every robot's message shows them. */
    public record AlertText(String title, List<String> lines, String link) {
    }

    /** The facts of an alert event; {@code consoleUrl} is where a bureau user opens the alert list. */
    public static AlertText text(String eventType, AlertSnapshot alert, String consoleUrl) {
        String severity = SEVERITY.getOrDefault(alert.severity(), alert.severity());
        String subject = alert.chineseName() != null ? alert.chineseName()
                : alert.incident() != null ? INCIDENT.getOrDefault(alert.incident().type(), alert.incident().type())
                : "";
        String county = JiaozuoCounty.byCode(alert.countyCode()).map(JiaozuoCounty::chineseName)
                .orElse(alert.countyCode());
        // Every title holds 预警: the keyword the subscriber guide tells a DingTalk or Feishu robot to require.
        String title = ("SubscriptionTest".equals(eventType) ? "【测试】" : "") + "【" + severity + "】"
                + RULE.getOrDefault(alert.rule(), alert.rule() + " 预警") + "：" + subject + "（" + county + "）";
        List<String> lines = new ArrayList<>();
        lines.add("事件：" + EVENT.getOrDefault(eventType, eventType));
        lines.add("级别：" + severity);
        if (alert.scientificName() != null) {
            lines.add("物种：" + (alert.chineseName() == null ? "" : alert.chineseName() + " ") + alert.scientificName());
        }
        if (alert.incident() != null) {
            lines.add("事件类型：" + INCIDENT.getOrDefault(alert.incident().type(), alert.incident().type()));
        }
        lines.add("县区：" + county);
        lines.add("观测次数：" + alert.observationCount());
        if (alert.lastObservedAt() != null) {
            lines.add("时间：" + TIME.format(alert.lastObservedAt().atZoneSameInstant(SHANGHAI)) + "（北京时间）");
        }
        if (alert.reason() != null) {
            lines.add("原因：" + alert.reason());
        }
        lines.add("预警编号：" + alert.id());
        return new AlertText(title, lines, consoleUrl);
    }

    /** WeCom: a {@code markdown} message, cut to the robot's 4096 bytes. */
    public static RobotRequest wecom(String url, AlertText text) {
        StringBuilder content = new StringBuilder("### ").append(escape(text.title())).append('\n');
        for (String line : text.lines()) {
            content.append("> ").append(escape(line)).append('\n');
        }
        content.append("[在控制台查看](").append(text.link()).append(')');
        ObjectNode body = JSON.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("content", cut(content.toString(), WECOM_MAX_BYTES));
        return new RobotRequest(URI.create(url), write(body));
    }

    /**
     * DingTalk: a {@code markdown} message; with a secret, the signature as {@code timestamp} and {@code sign}
     * query parameters ({@link #dingTalkSign}).
     */
    public static RobotRequest dingTalk(String url, String secret, AlertText text, long nowMillis) {
        StringBuilder content = new StringBuilder("### ").append(escape(text.title())).append("\n\n");
        for (String line : text.lines()) {
            content.append("- ").append(escape(line)).append('\n');
        }
        content.append("\n[在控制台查看](").append(text.link()).append(')');
        ObjectNode body = JSON.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("title", text.title()).put("text", cut(content.toString(), DINGTALK_MAX_BYTES));
        String address = url;
        if (secret != null) {
            address += (url.contains("?") ? "&" : "?") + "timestamp=" + nowMillis + "&sign="
                    + URLEncoder.encode(dingTalkSign(nowMillis, secret), StandardCharsets.UTF_8);
        }
        return new RobotRequest(URI.create(address), write(body));
    }

    /** Feishu: a {@code post} (rich text) message; with a secret, {@code timestamp} and {@code sign} in the body. */
    public static RobotRequest feishu(String url, String secret, AlertText text, long nowSeconds) {
        ObjectNode body = JSON.createObjectNode();
        if (secret != null) {
            body.put("timestamp", Long.toString(nowSeconds)).put("sign", feishuSign(nowSeconds, secret));
        }
        body.put("msg_type", "post");
        ObjectNode zh = body.putObject("content").putObject("post").putObject("zh_cn");
        zh.put("title", text.title());
        ArrayNode paragraphs = zh.putArray("content");
        String all = String.join("\n", text.lines());
        paragraphs.addArray().addObject().put("tag", "text").put("text", cut(all, FEISHU_MAX_BYTES));
        paragraphs.addArray().addObject().put("tag", "a").put("text", "在控制台查看").put("href", text.link());
        return new RobotRequest(URI.create(url), write(body));
    }

    /** The request for a robot channel. */
    public static RobotRequest request(Channel channel, String url, String secret, AlertText text, long nowMillis) {
        return switch (channel) {
            case WECOM -> wecom(url, text);
            case DINGTALK -> dingTalk(url, secret, text, nowMillis);
            case FEISHU -> feishu(url, secret, text, nowMillis / 1000);
            case WEBHOOK, EMAIL -> throw new IllegalArgumentException(channel + " is not a robot");
        };
    }

    /**
     * DingTalk's signature: Base64 of HMAC-SHA256 keyed with the secret over {@code timestamp + "\n" + secret}
     * (open.dingtalk.com/document/orgapp/customize-robot-security-settings); URL-encoded by the caller.
     */
    public static String dingTalkSign(long timestampMillis, String secret) {
        return RobotSigning.hmacBase64(secret, timestampMillis + "\n" + secret);
    }

    /**
     * Feishu's signature: Base64 of HMAC-SHA256 keyed with {@code timestamp + "\n" + secret} over an empty message
     * (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, 签名校验); the timestamp in seconds.
     */
    public static String feishuSign(long timestampSeconds, String secret) {
        return RobotSigning.hmacBase64(timestampSeconds + "\n" + secret, "");
    }

    /** At most {@code maxBytes} of UTF-8, cut between characters and ending in … when cut. */
    static String cut(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - "…".getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    /**
     * Markdown characters in names and reasons would format, link or open HTML, and the robots render no backslash
     * escapes: they become their full-width forms.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(switch (c) {
                case '[', ']', '<', '>', '*', '`', '#' -> (char) (c + 0xFEE0);
                default -> c;
            });
        }
        return out.toString();
    }

    private static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
