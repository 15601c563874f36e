package cn.jiaozuo.biodiversity.common.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "biodiversity.consumer")
public interface ConsumerConfig {

    /** Whether consumers start with the application. */
    @WithDefault("true")
    boolean enabled();

    /** Attempts for an event whose handler fails before it goes to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** Largest pause between attempts while the database or broker is unavailable. */
    @WithDefault("5s")
    Duration maxBackoff();

    @WithDefault("500")
    int maxPollRecords();

    /**
     * How long the group waits for a member that stopped heartbeating before its partitions move:
     * also how long a crashed instance's partitions stay unread after it is restarted (Kafka's
     * default of 45 s held alerts back for most of a minute).
     */
    @WithDefault("10s")
    Duration sessionTimeout();
}
