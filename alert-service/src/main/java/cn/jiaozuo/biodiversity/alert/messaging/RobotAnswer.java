package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.domain.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

/**
 * What a robot's answer means. WeCom and DingTalk answer HTTP 200 with {@code {"errcode":0,"errmsg":"ok"}}, Feishu
 * with {@code {"code":0,"msg":"success"}} (older bots {@code StatusCode}); a non-zero code is a failure though the
 * HTTP status says 200. Rate limits and "system busy" pass and are retried; the rest (a wrong key or token, a bad
 * signature, a keyword or IP the robot's security settings do not allow) will not pass by waiting, so the delivery
 * fails at once and shows the robot's words to the bureau's administrator. A webhook's answer counts only by its
 * HTTP status, and every failure is retried, as before robots existed.
 */
public final class RobotAnswer {

    /**
     * Codes retried: -1 system busy (WeCom, DingTalk), 45009 rate limit (WeCom), 130101 sending too fast (DingTalk),
     * 9499 / 11232 too many requests (Feishu).
     */
    static final Set<Long> TRANSIENT = Set.of(-1L, 45009L, 130101L, 9499L, 11232L);

    private static final ObjectMapper JSON = new ObjectMapper();

    private RobotAnswer() {
    }

    /** A failed try: the error as logged, and whether another try may succeed. */
    public record Failure(String error, boolean retry) {
    }

    /** The failure this answer is, or null when the robot took the message. */
    public static Failure interpret(Channel channel, int status, String body) {
        if (!channel.isRobot()) {
            return status >= 200 && status < 300 ? null : new Failure("HTTP " + status, true);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Failure("HTTP " + status, true);
        }
        if (status < 200 || status >= 300) {
            return new Failure("HTTP " + status, false); // a robot's address that is not found stays so
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            return new Failure("HTTP " + status + " without the robot's JSON answer", true);
        }
        JsonNode code = channel == Channel.FEISHU ? first(answer, "code", "StatusCode") : answer.get("errcode");
        if (code == null || !code.canConvertToLong()) {
            return new Failure("HTTP " + status + " without the robot's JSON answer", true);
        }
        long value = code.asLong();
        if (value == 0) {
            return null;
        }
        JsonNode message = channel == Channel.FEISHU ? first(answer, "msg", "StatusMessage") : answer.get("errmsg");
        String words = message == null ? "" : ": " + message.asText();
        String error = (channel == Channel.FEISHU ? "code " : "errcode ") + value + words;
        return new Failure(error.length() > 300 ? error.substring(0, 300) : error, TRANSIENT.contains(value));
    }

    private static JsonNode first(JsonNode node, String name, String other) {
        return node.has(name) ? node.get(name) : node.get(other);
    }
}
