package cn.jiaozuo.biodiversity.patrol.repository;

import cn.jiaozuo.biodiversity.patrol.domain.Patrol;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolTrack;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PatrolRepository implements PanacheRepositoryBase<Patrol, UUID> {

    /**
     * Serializes the transactions that store under one idempotency key (a uuid, or a ranger's GPX file) until they
     * end, so that two copies of one upload arriving together find each other instead of one failing on the key.
     */
    public void lockKey(String key) {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, key).getSingleResult();
    }

    public Optional<Patrol> findGpx(String recordedBy, String gpxSha256) {
        return find("recordedBy = ?1 and gpxSha256 = ?2", recordedBy, gpxSha256).firstResultOptional();
    }

    public void persistTrack(PatrolTrack track) {
        getEntityManager().persist(track);
    }

    public PatrolTrack track(UUID patrol) {
        return getEntityManager().find(PatrolTrack.class, patrol);
    }
}
