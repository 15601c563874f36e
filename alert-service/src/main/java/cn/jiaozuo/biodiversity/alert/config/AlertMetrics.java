package cn.jiaozuo.biodiversity.alert.config;

import cn.jiaozuo.biodiversity.alert.domain.Severity;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Alert counts: counter {@code alerts.events} by event type (AlertRaised, AlertEscalated, ...) and the
 * alert's severity after the event, counted when the alert's transaction commits. The AlertRaised series
 * of every severity exist from startup, so an alarm on raised CRITICAL alerts sees a zero, not no data.
 */
@Startup
@ApplicationScoped
public class AlertMetrics {

    private static final String NAME = "alerts.events";

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public AlertMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
        for (Severity severity : Severity.values()) {
            registry.counter(NAME, "type", EventTypes.ALERT_RAISED, "severity", severity.name());
        }
    }

    /** Counts one alert event of this type and severity once the current transaction has committed. */
    public void countOnCommit(String type, String severity) {
        AfterCommit.run(transactions, () -> registry.counter(NAME, "type", type, "severity", severity).increment());
    }
}
