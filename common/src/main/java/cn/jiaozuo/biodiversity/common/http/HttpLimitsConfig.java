package cn.jiaozuo.biodiversity.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Request body limits, enforced before a body is read so that a huge upload costs nothing. */
@ConfigMapping(prefix = "biodiversity.http")
public interface HttpLimitsConfig {

    /** Limit for every request without a more specific entry. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Larger limits by path prefix, e.g. {@code "/observations/batch"=8M} for station uploads. */
    Map<String, MemorySize> largeBodyPaths();
}
