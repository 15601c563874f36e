package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import cn.jiaozuo.biodiversity.observation.config.SpeciesConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Publishes the species whose current state is not on topic {@code species} yet ({@code updated_at} differs from
 * {@code published_updated_at}, V8): the catalog seeded by migrations once, then species changed by a pod of the
 * previous release during a rolling update or by a later migration. Runs at startup and every
 * {@link SpeciesConfig#backlogCheck()}; writes through {@link SpeciesService} publish themselves and never show up
 * here. Rows are taken {@code for update skip locked} and marked in the transaction that writes their events, so
 * replicas side by side, or a restart halfway, never publish one state twice; a concurrent PUT waits for the lock
 * and then publishes its own, newer state after.
 */
@ApplicationScoped
public class SpeciesBacklog {

    private static final Logger LOG = Logger.getLogger(SpeciesBacklog.class);
    static final int BATCH = 500;

    private final EntityManager em;
    private final SpeciesEvents events;
    private final SpeciesConfig config;
    private BackgroundLoop loop;

    public SpeciesBacklog(EntityManager em, SpeciesEvents events, SpeciesConfig config) {
        this.em = em;
        this.events = events;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        loop = BackgroundLoop.named("species-backlog")
                .every(config.backlogCheck())
                .backoff(Backoff.upTo(Duration.ofMinutes(1)))
                .build(() -> publishBatch() == BATCH);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Publishes up to {@link #BATCH} species whose state is not yet published, by id; returns how many. */
    @Transactional
    public int publishBatch() {
        @SuppressWarnings("unchecked")
        List<Species> batch = em.createNativeQuery("select * from species where published_updated_at is distinct from"
                + " updated_at order by id limit ?1 for update skip locked", Species.class).setParameter(1, BATCH)
                .getResultList();
        for (Species s : batch) {
            events.upserted(s.snapshot());
            s.publishedUpdatedAt = s.updatedAt;
        }
        if (!batch.isEmpty()) {
            LOG.infof("Published %d species not yet on topic species", batch.size());
        }
        return batch.size();
    }
}
