package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The read model of county outlines (topic {@code geography}) and its in-memory spatial index. */
@ConfigMapping(prefix = "biodiversity.counties")
public interface CountyOutlineConfig {

    /**
     * How often an instance checks the read-model table for outlines applied by another instance (only
     * one instance of the consumer group receives each outline event).
     */
    @WithDefault("10s")
    Duration refreshInterval();

    /** Kafka consumer group of the county outline read model. */
    @WithDefault("observation-service-geography")
    String consumerGroup();
}
