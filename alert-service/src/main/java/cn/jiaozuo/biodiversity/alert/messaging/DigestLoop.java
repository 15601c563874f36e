package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.domain.DeliveryClock;
import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * The digest pass: every {@code alerts.digests.poll-interval}, the digests due as of the {@link DeliveryClock}'s time.
 * Every replica may run it: {@link Digests} claims each due time with a row only one transaction inserts.
 */
@ApplicationScoped
public class DigestLoop {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final Digests digests;
    private final DeliveryClock clock;
    private final AlertConfig.Digests config;
    private volatile BackgroundLoop loop;

    public DigestLoop(Digests digests, DeliveryClock clock, AlertConfig config) {
        this.digests = digests;
        this.clock = clock;
        this.config = config.digests();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        loop = BackgroundLoop.named("alert-digests")
                .every(config.pollInterval())
                .backoff(Backoff.upTo(MAX_BACKOFF))
                .build(() -> {
                    digests.run(clock.now());
                    return false;
                });
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }
}
