package cn.jiaozuo.biodiversity.plot.config;

import cn.jiaozuo.biodiversity.plot.domain.PlotIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Exposes how many active plots the locate index holds, so a drift from the database shows on a dashboard. */
@ApplicationScoped
public class PlotMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry, PlotIndex index) {
        Gauge.builder("plots.index.size", index, PlotIndex::size)
                .description("Active plots in the in-memory spatial index of this instance")
                .strongReference(true)
                .register(registry);
    }
}
