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

    /**
     * Kafka transactions start at least this far apart. Every local commit wakes the relay, and a Kafka transaction
     * costs the broker about the same whatever it carries (a commit marker on every partition it touched, two writes
     * to the transaction log): under load, rows that gather during the gap share one transaction. A relay that was
     * idle longer publishes at once.
     */
    @WithDefault("25ms")
    Duration minTransactionGap();

    /** Upper bound of the back-off while Kafka or the database is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** Name written as {@code source} into every envelope. */
    @WithDefault("${quarkus.application.name}")
    String source();
}
