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

    /**
     * Inserts unless a station with the id exists; false then. "On conflict do nothing" also settles two
     * concurrent registrations of one id, which a look-up followed by an insert would turn into a 500.
     */
    public boolean insertIfAbsent(Station s) {
        return getEntityManager().createNativeQuery("insert into station (id, type, plot_code, lat, lon, installed_on,"
                        + " last_seen_at, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, null, ?7) on conflict (id) do nothing")
                .setParameter(1, s.id).setParameter(2, s.type.name()).setParameter(3, s.plotCode).setParameter(4, s.lat)
                .setParameter(5, s.lon).setParameter(6, s.installedOn).setParameter(7, s.createdAt)
                .executeUpdate() == 1;
    }
}
