package cn.jiaozuo.biodiversity.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "biodiversity.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay (the table is written regardless). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for rows when no commit woke it (another instance may have written). */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Upper bound of the back-off while Kafka or the database is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** Name written as {@code source} into every envelope. */
    @WithDefault("${quarkus.application.name}")
    String source();
}
