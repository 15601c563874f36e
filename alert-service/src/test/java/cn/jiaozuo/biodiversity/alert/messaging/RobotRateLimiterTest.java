package cn.jiaozuo.biodiversity.alert.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 20 messages a minute per robot: the 21st waits for room instead of being dropped. */
class RobotRateLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void the_21st_message_in_a_minute_waits_until_the_first_leaves_the_window() {
        RobotRateLimiter limiter = new RobotRateLimiter();
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        for (int i = 0; i < 20; i++) {
            assertTrue(limiter.reserve("robot-a", 20, MINUTE, start.plusSeconds(i)).isEmpty(), "send " + i);
        }
        assertEquals(Optional.of(start.plus(MINUTE)), limiter.reserve("robot-a", 20, MINUTE, start.plusSeconds(30)));
        assertTrue(limiter.reserve("robot-b", 20, MINUTE, start.plusSeconds(30)).isEmpty(), "another robot has its own");
        assertTrue(limiter.reserve("robot-a", 20, MINUTE, start.plus(MINUTE)).isEmpty(), "room again after a minute");
        assertEquals(Optional.of(start.plusSeconds(61)), limiter.reserve("robot-a", 20, MINUTE, start.plus(MINUTE)));
    }
}
