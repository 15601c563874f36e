package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Disclosure of generalized records (see {@code domain/Disclosure}); the pseudonym key is the exports' key. */
@ConfigMapping(prefix = "biodiversity.disclosure")
public interface DisclosureConfig {

    /**
     * Generalized records are released (shown to those who get them generalized, published on
     * {@code observations.public}) at the end of the slot of this length they were recorded in, slots counted from
     * midnight in China (at most a day). A day: the moment they appear says no more than their day.
     */
    @WithDefault("24h")
    Duration releaseInterval();
}
