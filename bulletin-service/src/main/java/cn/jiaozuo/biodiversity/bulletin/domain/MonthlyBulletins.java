package cn.jiaozuo.biodiversity.bulletin.domain;

import cn.jiaozuo.biodiversity.bulletin.config.BulletinConfig;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The monthly bulletins (docs/bulletins.md, "Schedule"): from the 1st of a month (Asia/Shanghai) the previous month's
 * bulletins of the city and both priority areas, both editions, are generated once. The loop looks every
 * {@code bulletins.schedule.check-every}; a bulletin already archived (by this replica, another one or before a
 * restart) is found by its unique key and not generated again, and a month missed while the service was down is
 * made up at the next look.
 */
@ApplicationScoped
public class MonthlyBulletins {

    static final String SCHEDULER = "scheduler";
    private static final Logger LOG = Logger.getLogger(MonthlyBulletins.class);

    private final BulletinService service;
    private final BulletinConfig config;
    private final Clock clock;
    private volatile BackgroundLoop loop;

    public MonthlyBulletins(BulletinService service, BulletinConfig config, Clock clock) {
        this.service = service;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!config.schedule().enabled()) {
            return;
        }
        loop = BackgroundLoop.named("monthly-bulletins").every(config.schedule().checkEvery()).build(() -> {
            generateDue(clock.instant());
            return false;
        });
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Generates the bulletins due at {@code now} that are not archived yet; returns those it generated. */
    public List<Bulletin> generateDue(Instant now) {
        LocalDate today = now.atZone(config.zone()).toLocalDate();
        Period lastMonth = Period.monthOf(today.minusMonths(1));
        List<Bulletin> generated = new ArrayList<>();
        for (Scope scope : Scope.monthly()) {
            for (Edition edition : Edition.values()) {
                BulletinService.Generated result = service.generate(lastMonth, scope, edition, SCHEDULER, now, false);
                if (result.created()) {
                    LOG.infof("Generated the %s bulletin of %s for %s", edition, lastMonth.label(), scope.code());
                    generated.add(result.bulletin());
                }
            }
        }
        return generated;
    }
}
