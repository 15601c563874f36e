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
}
