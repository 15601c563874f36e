package cn.jiaozuo.biodiversity.alert.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The time that decides quiet hours and digests. The system clock, unless a test (or the e2e stack's clock hook,
 * {@code alerts.e2e.clock-hook}) moved it: shifting, not freezing, so time still passes after a move.
 */
@ApplicationScoped
public class DeliveryClock {

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    /** From now on {@link #now()} reads {@code at} and goes on from there. */
    public void set(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    /** Back to the system clock. */
    public void reset() {
        offset = Duration.ZERO;
    }
}
