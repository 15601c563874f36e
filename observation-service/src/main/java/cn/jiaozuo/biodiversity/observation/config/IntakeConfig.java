package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of observation intake and reads. */
@ConfigMapping(prefix = "biodiversity.intake")
public interface IntakeConfig {

    /** Items per {@code POST /observations/batch}; more is a 413. */
    @WithDefault("1000")
    int maxBatchSize();

    /** How far in the future {@code observedAt} may lie (device clocks drift). */
    @WithDefault("5m")
    Duration futureTolerance();

    /** Largest {@code limit} of a list page. */
    @WithDefault("500")
    int maxPageSize();

    @WithDefault("50")
    int defaultPageSize();
}
