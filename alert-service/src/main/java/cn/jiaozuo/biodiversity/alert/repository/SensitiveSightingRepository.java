package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.domain.EnforcementDecisions;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Table {@code sensitive_sighting}: where sensitive species were seen within the window (exact points, as topic
 * observations carries them), for ENFORCEMENT severity only. Nothing reads the points out: {@link #anyNear} answers
 * yes or no. Rows older than the window are deleted as sightings arrive, at most once an hour per instance.
 */
@ApplicationScoped
public class SensitiveSightingRepository {

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final EntityManager em;
    private final Duration window;
    private final AtomicReference<Instant> lastPruned = new AtomicReference<>(Instant.EPOCH);

    public SensitiveSightingRepository(EntityManager em, AlertConfig config) {
        this.em = em;
        this.window = config.enforcement().sightingWindow();
    }

    /**
     * Applies an observation: a sensitive species' sighting within the window is kept (its review may move it), a
     * rejected one is dropped; observations of other species change nothing.
     */
    public void observed(ObservationSnapshot observation) {
        if (!observation.species().sensitive()) {
            return;
        }
        if ("REJECTED".equals(observation.status())) {
            em.createNativeQuery("delete from sensitive_sighting where observation_uuid = ?1")
                    .setParameter(1, observation.uuid()).executeUpdate();
            return;
        }
        Instant now = Instant.now();
        if (observation.observedAt().toInstant().isBefore(now.minus(window))) {
            return;
        }
        em.createNativeQuery("insert into sensitive_sighting (observation_uuid, species_id, lat, lon, observed_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (observation_uuid) do update set lat = excluded.lat,"
                + " lon = excluded.lon, observed_at = excluded.observed_at")
                .setParameter(1, observation.uuid()).setParameter(2, observation.species().id())
                .setParameter(3, observation.location().lat()).setParameter(4, observation.location().lon())
                .setParameter(5, observation.observedAt()).executeUpdate();
        Instant last = lastPruned.get();
        if (last.plus(PRUNE_EVERY).isBefore(now) && lastPruned.compareAndSet(last, now)) {
            em.createNativeQuery("delete from sensitive_sighting where observed_at < ?1")
                    .setParameter(1, now.minus(window).atOffset(ZoneOffset.UTC)).executeUpdate();
        }
    }

    /** Whether a sensitive species was seen within {@code radiusM} of the point since {@code since}. */
    public boolean anyNear(double lat, double lon, double radiusM, OffsetDateTime since) {
        double[] box = EnforcementDecisions.boxDegrees(lat, radiusM);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select lat, lon from sensitive_sighting where observed_at >= ?1"
                + " and lat between ?2 and ?3 and lon between ?4 and ?5")
                .setParameter(1, since).setParameter(2, lat - box[0]).setParameter(3, lat + box[0])
                .setParameter(4, lon - box[1]).setParameter(5, lon + box[1]).getResultList();
        return rows.stream().anyMatch(r -> EnforcementDecisions.distanceM(lat, lon, ((Number) r[0]).doubleValue(),
                ((Number) r[1]).doubleValue()) <= radiusM);
    }
}
