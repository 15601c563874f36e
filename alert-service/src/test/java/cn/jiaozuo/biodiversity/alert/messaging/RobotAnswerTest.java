package cn.jiaozuo.biodiversity.alert.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.alert.domain.Channel;
import org.junit.jupiter.api.Test;

/** The robots answer 200 with an error code in the body: that code decides delivered, retried or failed. */
class RobotAnswerTest {

    @Test
    void errcode_zero_is_delivered() {
        assertNull(RobotAnswer.interpret(Channel.WECOM, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        assertNull(RobotAnswer.interpret(Channel.DINGTALK, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        assertNull(RobotAnswer.interpret(Channel.FEISHU, 200, "{\"code\":0,\"data\":{},\"msg\":\"success\"}"));
        assertNull(RobotAnswer.interpret(Channel.FEISHU, 200, "{\"Extra\":null,\"StatusCode\":0,\"StatusMessage\":\"success\"}"));
    }

    @Test
    void a_bad_key_fails_at_once_with_the_robots_words() {
        RobotAnswer.Failure f = RobotAnswer.interpret(Channel.WECOM, 200,
                "{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [1700000000_1_abc]\"}");
        assertFalse(f.retry());
        assertTrue(f.error().startsWith("errcode 93000: invalid webhook url"), f.error());
        RobotAnswer.Failure sign = RobotAnswer.interpret(Channel.DINGTALK, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        assertEquals("errcode 310000: sign not match", sign.error());
        assertFalse(sign.retry());
        RobotAnswer.Failure feishu = RobotAnswer.interpret(Channel.FEISHU, 200,
                "{\"code\":19021,\"data\":{},\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}");
        assertFalse(feishu.retry());
        assertTrue(feishu.error().startsWith("code 19021: sign match fail"));
    }

    @Test
    void rate_limits_and_busy_answers_are_retried() {
        assertTrue(RobotAnswer.interpret(Channel.WECOM, 200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}").retry());
        assertTrue(RobotAnswer.interpret(Channel.DINGTALK, 200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}").retry());
        assertTrue(RobotAnswer.interpret(Channel.WECOM, 200, "{\"errcode\":-1,\"errmsg\":\"system busy\"}").retry());
        assertTrue(RobotAnswer.interpret(Channel.DINGTALK, 503, "").retry());
    }

    @Test
    void a_200_without_the_robots_json_is_not_delivered() {
        RobotAnswer.Failure f = RobotAnswer.interpret(Channel.DINGTALK, 200, "<html>proxy login</html>");
        assertTrue(f.retry());
        assertEquals("HTTP 200 without the robot's JSON answer", f.error());
    }

    @Test
    void a_webhook_counts_by_its_status_only_and_every_failure_is_retried_as_before() {
        assertNull(RobotAnswer.interpret(Channel.WEBHOOK, 204, null));
        assertNull(RobotAnswer.interpret(Channel.WEBHOOK, 200, "{\"errcode\":1}"));
        assertTrue(RobotAnswer.interpret(Channel.WEBHOOK, 404, null).retry());
        assertEquals("HTTP 500", RobotAnswer.interpret(Channel.WEBHOOK, 500, null).error());
    }
}
