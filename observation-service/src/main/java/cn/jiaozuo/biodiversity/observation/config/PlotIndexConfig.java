package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The plot read model and its in-memory spatial index. */
@ConfigMapping(prefix = "biodiversity.plots")
public interface PlotIndexConfig {

    /**
     * How often an instance checks the read-model table for changes applied by another instance
     * (only one instance of the consumer group receives each plot event).
     */
    @WithDefault("10s")
    Duration refreshInterval();

    /** Kafka consumer group of the plot read model. */
    @WithDefault("observation-service-plots")
    String consumerGroup();
}
