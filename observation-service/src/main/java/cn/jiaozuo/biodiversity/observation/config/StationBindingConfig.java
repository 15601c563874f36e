package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The read model of station bindings (topic {@code stations}) that intake checks stationIds against. */
@ConfigMapping(prefix = "biodiversity.stations")
public interface StationBindingConfig {

    /**
     * How often an instance checks the read-model table for bindings applied by another instance (only
     * one instance of the consumer group receives each station event).
     */
    @WithDefault("10s")
    Duration refreshInterval();

    /** Kafka consumer group of the station read model. */
    @WithDefault("observation-service-stations")
    String consumerGroup();
}
