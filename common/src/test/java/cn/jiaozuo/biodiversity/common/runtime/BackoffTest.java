package cn.jiaozuo.biodiversity.common.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one back-off rule: doubling from the first wait, capped. */
class BackoffTest {

    private static List<Long> millis(Backoff backoff, int failures) {
        return IntStream.rangeClosed(1, failures).mapToObj(n -> backoff.delay(n).toMillis()).toList();
    }

    @Test
    void a_loop_waits_100_ms_after_the_first_failure_doubling_up_to_its_cap() {
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L),
                millis(Backoff.upTo(Duration.ofSeconds(5)), 8));
    }

    @Test
    void a_cap_below_the_first_wait_is_the_wait() {
        assertEquals(List.of(20L, 20L, 20L), millis(Backoff.upTo(Duration.ofMillis(20)), 3));
    }

    @Test
    void a_long_streak_stays_at_the_cap_without_overflow() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

        assertEquals(Duration.ofHours(1), backoff.delay(1_000_000));
        assertEquals(Duration.ofHours(1), backoff.delay(Integer.MAX_VALUE));
    }

    @Test
    void a_zero_first_wait_stays_zero() {
        assertEquals(List.of(0L, 0L, 0L), millis(new Backoff(Duration.ZERO, Duration.ofSeconds(1)), 3));
    }

    @Test
    void there_is_no_wait_before_a_failure_and_no_negative_wait() {
        Backoff backoff = Backoff.upTo(Duration.ofSeconds(1));

        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMillis(-1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Backoff.upTo(Duration.ofMillis(-1)));
    }
}
