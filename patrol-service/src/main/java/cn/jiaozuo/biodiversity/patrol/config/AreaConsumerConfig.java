package cn.jiaozuo.biodiversity.patrol.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The consumers that keep the read model of areas (plots and geography topics). */
@ConfigMapping(prefix = "patrols.areas")
public interface AreaConsumerConfig {

    /** Kafka consumer group of the plots consumer (prefix patrol-service: the KafkaUser's group ACL). */
    @WithDefault("patrol-service-plots")
    String plotsConsumerGroup();

    /** Kafka consumer group of the geography consumer (county and protected-area outlines). */
    @WithDefault("patrol-service-geography")
    String geographyConsumerGroup();
}
