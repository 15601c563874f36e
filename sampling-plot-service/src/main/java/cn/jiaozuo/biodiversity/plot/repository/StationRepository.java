package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.Station;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class StationRepository implements PanacheRepositoryBase<Station, String> {

    /**
     * Moves {@code lastSeenAt} forward only: uploads arrive out of order across partitions, and a late
     * old upload must not make a live station look silent. Returns false for an unknown station.
     */
    public boolean markSeen(String stationId, Instant seenAt) {
        return getEntityManager().createNativeQuery(
                "update station set last_seen_at = greatest(coalesce(last_seen_at, ?2), ?2) where id = ?1")
                .setParameter(1, stationId).setParameter(2, seenAt).executeUpdate() == 1;
    }
}
