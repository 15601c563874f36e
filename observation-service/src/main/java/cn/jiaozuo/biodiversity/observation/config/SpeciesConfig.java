package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Publication of the species catalog on topic {@code species}. */
@ConfigMapping(prefix = "biodiversity.species")
public interface SpeciesConfig {

    /**
     * How often species whose current state is not yet published are looked for (the seeded catalog once, species a
     * pod of the previous release changed during a rolling update, species a migration changed); also at startup.
     */
    @WithDefault("5m")
    Duration backlogCheck();
}
