package cn.jiaozuo.biodiversity.common.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The one back-off rule: the wait after the n-th failure in a row is {@code first · 2^(n-1)}, never
 * more than {@code max}. Background loops use it while something they need is down; the webhook retry
 * schedule is the same rule with its own settings.
 */
public record Backoff(Duration first, Duration max) {

    /** The first wait of a background loop: short, so a blip costs little. */
    public static final Duration FIRST = Duration.ofMillis(100);

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("Negative back-off: " + first + ", " + max);
        }
        if (first.compareTo(max) > 0) {
            first = max;
        }
    }

    /** {@link #FIRST}, doubling up to {@code max}. */
    public static Backoff upTo(Duration max) {
        return new Backoff(FIRST, max);
    }

    /** The wait after {@code failures} failures in a row (1 for the first). */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("No failure to back off from: " + failures);
        }
        Duration wait = first;
        // Stops at the cap, so it neither overflows nor runs long for a long streak.
        for (int n = 1; n < failures && wait.compareTo(max) < 0 && !wait.isZero(); n++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
