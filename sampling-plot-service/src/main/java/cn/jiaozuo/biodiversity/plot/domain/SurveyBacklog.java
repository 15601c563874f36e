package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import cn.jiaozuo.biodiversity.plot.repository.CountyRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Publishes the survey visits whose {@code SurveyRecorded} is not yet in the outbox: those recorded before visits were
 * published at all (V5), and those a pod of the previous release records during a rolling update. Runs at startup and
 * then every {@link PlotConfig#surveyBacklogCheck()}; a visit recorded by this release is published by
 * {@link SurveyService#record} itself and never shows up here. Rows are taken {@code for update skip locked} and
 * marked in the same transaction as their events, so replicas running side by side, or a restart halfway, never
 * publish a visit twice.
 */
@ApplicationScoped
public class SurveyBacklog {

    private static final Logger LOG = Logger.getLogger(SurveyBacklog.class);
    static final int BATCH = 500;

    private final EntityManager em;
    private final CountyRepository counties;
    private final PlotEvents events;
    private final PlotConfig config;
    private BackgroundLoop loop;

    public SurveyBacklog(EntityManager em, CountyRepository counties, PlotEvents events, PlotConfig config) {
        this.em = em;
        this.counties = counties;
        this.events = events;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        loop = BackgroundLoop.named("survey-backlog")
                .every(config.surveyBacklogCheck())
                .backoff(Backoff.upTo(Duration.ofMinutes(1)))
                .build(() -> publishBatch() == BATCH);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Publishes up to {@link #BATCH} unpublished visits, oldest first; returns how many. */
    @Transactional
    public int publishBatch() {
        @SuppressWarnings("unchecked")
        List<Survey> batch = em.createNativeQuery("select * from survey where not published order by created_at"
                + " limit ?1 for update skip locked", Survey.class).setParameter(1, BATCH).getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, PriorityArea> areas = new HashMap<>();
        counties.listAll().forEach(c -> areas.put(c.code, c.priorityArea));
        for (Survey s : batch) {
            // The plot's county now: a visit does not record its own, and plots rarely move between counties.
            String countyCode = em.find(Plot.class, s.plotCode).countyCode;
            events.surveyRecorded(s.snapshot(countyCode, areas.get(countyCode)));
            s.published = true;
        }
        LOG.infof("Published %d survey visits recorded before this release", batch.size());
        return batch.size();
    }
}
