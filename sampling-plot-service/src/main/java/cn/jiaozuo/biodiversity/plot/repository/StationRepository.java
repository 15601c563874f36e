package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.Station;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class StationRepository implements PanacheRepositoryBase<Station, String> {

    /** By id; a null criterion means "any". The one query of this table whose conditions depend on the request. */
    public List<Station> search(String plotCode, String subject) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (plotCode != null) {
            where.add("plotCode = :plot");
            params.and("plot", plotCode);
        }
        if (subject != null) {
            where.add("subject = :subject");
            params.and("subject", subject);
        }
        Sort byId = Sort.by("id");
        return where.isEmpty() ? listAll(byId) : list(String.join(" and ", where), byId, params);
    }

    /**
     * Moves {@code lastSeenAt} forward only: uploads arrive out of order across partitions, and a late
     * old upload must not make a live station look silent. Only an upload by the station's bound identity
     * counts: anyone else naming the station (a stolen id, a replayed event) must not keep it looking alive.
     * Returns false for an unknown station or another observer.
     */
    public boolean markSeen(String stationId, String observer, Instant seenAt) {
        return getEntityManager().createNativeQuery("update station set last_seen_at = greatest(coalesce(last_seen_at, ?2), ?2)"
                        + " where id = ?1 and subject = ?3")
                .setParameter(1, stationId).setParameter(2, seenAt).setParameter(3, observer).executeUpdate() == 1;
    }

    /**
     * Inserts unless a station with the id exists; false then. "On conflict do nothing" also settles two
     * concurrent registrations of one id, which a look-up followed by an insert would turn into a 500.
     */
    public boolean insertIfAbsent(Station s) {
        return getEntityManager().createNativeQuery("insert into station (id, type, plot_code, lat, lon, installed_on,"
                        + " last_seen_at, created_at, subject, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, null, ?7, ?8, ?9)"
                        + " on conflict (id) do nothing")
                .setParameter(1, s.id).setParameter(2, s.type.name()).setParameter(3, s.plotCode).setParameter(4, s.lat)
                .setParameter(5, s.lon).setParameter(6, s.installedOn).setParameter(7, s.createdAt).setParameter(8, s.subject)
                .setParameter(9, s.updatedAt)
                .executeUpdate() == 1;
    }
}
