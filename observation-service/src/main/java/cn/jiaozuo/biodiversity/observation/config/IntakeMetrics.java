package cn.jiaozuo.biodiversity.observation.config;

import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import cn.jiaozuo.biodiversity.observation.domain.NewObservation;
import cn.jiaozuo.biodiversity.observation.domain.ObservationSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Intake rate: counter {@code observations.recorded} by source (RANGER, STATION), counted when the
 * storing transaction commits, so a rolled-back post and a replayed uuid count nothing. Both series
 * exist from startup, so a rate alarm on a silent source sees a zero rather than no data.
 */
@Startup // the series exist before the first post
@ApplicationScoped
public class IntakeMetrics {

    private final Map<ObservationSource, Counter> recorded = new EnumMap<>(ObservationSource.class);
    private final TransactionSynchronizationRegistry transactions;

    public IntakeMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        for (ObservationSource source : ObservationSource.values()) {
            recorded.put(source, Counter.builder("observations.recorded").tag("source", source.name())
                    .description("Observations stored (new uuids only), by source").register(registry));
        }
    }

    /** Counts these newly stored observations once the current transaction has committed. */
    public void countOnCommit(List<NewObservation> stored) {
        if (stored.isEmpty()) {
            return;
        }
        Map<ObservationSource, Integer> counts = new EnumMap<>(ObservationSource.class);
        stored.forEach(o -> counts.merge(o.source(), 1, Integer::sum));
        AfterCommit.run(transactions, () -> counts.forEach((source, n) -> recorded.get(source).increment(n)));
    }
}
