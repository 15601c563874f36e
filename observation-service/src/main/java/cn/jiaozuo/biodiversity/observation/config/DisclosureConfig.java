package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Disclosure of generalized records (see {@code domain/Disclosure}); the pseudonym key is the exports' key. */
@ConfigMapping(prefix = "biodiversity.disclosure")
public interface DisclosureConfig {

    /**
     * Events of generalized records go out on {@code observations.public} at the end of the current slot of this
     * length, counted from midnight in China (at most a day). A day: their timing says no more than their day.
     */
    @WithDefault("24h")
    Duration releaseInterval();
}
