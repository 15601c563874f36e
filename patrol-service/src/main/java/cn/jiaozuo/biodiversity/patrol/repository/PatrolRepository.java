package cn.jiaozuo.biodiversity.patrol.repository;

import cn.jiaozuo.biodiversity.patrol.domain.Incident;
import cn.jiaozuo.biodiversity.patrol.domain.IncidentCandidate;
import cn.jiaozuo.biodiversity.patrol.domain.IncidentType;
import cn.jiaozuo.biodiversity.patrol.domain.Patrol;
import cn.jiaozuo.biodiversity.patrol.domain.AreaKind;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolFilter;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolTrack;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public Optional<Incident> incident(UUID uuid) {
        return Optional.ofNullable(getEntityManager().find(Incident.class, uuid));
    }

    /** The next free position among a patrol's incidents, as committed (call under the patrol's key lock). */
    public int nextIncidentPosition(UUID patrol) {
        Integer max = getEntityManager().createQuery("select max(i.position) from Incident i where i.patrol.uuid = :patrol", Integer.class)
                .setParameter("patrol", patrol).getSingleResult();
        return max == null ? 0 : max + 1;
    }

    public void persistIncident(Incident incident) {
        getEntityManager().persist(incident);
    }

    /** Reads the candidate's row again (after a lock: what another transaction committed meanwhile). */
    public void refreshCandidate(IncidentCandidate candidate) {
        getEntityManager().refresh(candidate);
    }

    public PatrolTrack track(UUID patrol) {
        return getEntityManager().find(PatrolTrack.class, patrol);
    }

    /** One page, newest first by (startedAt, uuid): the index patrol_started serves it. */
    public List<Patrol> page(PatrolFilter f, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.countyCode() != null) {
            where.append(" and countyCode = :county");
            params.and("county", f.countyCode());
        }
        if (f.mandate() != null) {
            where.append(" and mandate = :mandate");
            params.and("mandate", f.mandate());
        }
        if (f.from() != null) {
            where.append(" and startedAt >= :from");
            params.and("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and startedAt < :to");
            params.and("to", f.to());
        }
        if (f.ranger() != null) {
            where.append(" and (recordedBy = :ranger or :ranger member of team)");
            params.and("ranger", f.ranger());
        }
        if (f.plotCode() != null) {
            where.append(" and exists (from PatrolAreaSplit s where s.key.patrolUuid = uuid and s.key.kind = :plotKind"
                    + " and s.key.areaId = :plot)");
            params.and("plotKind", AreaKind.PLOT).and("plot", f.plotCode());
        }
        if (f.protectedAreaId() != null) {
            where.append(" and exists (from PatrolAreaSplit s where s.key.patrolUuid = uuid and s.key.kind = :areaKind"
                    + " and s.key.areaId = :area)");
            params.and("areaKind", AreaKind.PROTECTED_AREA).and("area", f.protectedAreaId());
        }
        if (f.afterStartedAt() != null) {
            where.append(" and (startedAt < :afterAt or (startedAt = :afterAt and uuid < :afterUuid))");
            params.and("afterAt", f.afterStartedAt()).and("afterUuid", f.afterUuid());
        }
        return find(where + " order by startedAt desc, uuid desc", params).page(0, limit).list();
    }

    /** What the effort report needs of a patrol. */
    public record EffortRow(UUID uuid, String countyCode, Instant startedAt, Instant endedAt, double distanceM) {
    }

    public List<EffortRow> effortRows(Instant from, Instant to) {
        return getEntityManager().createQuery("select new " + EffortRow.class.getName()
                        + "(p.uuid, p.countyCode, p.startedAt, p.endedAt, p.distanceM) from Patrol p"
                        + " where p.startedAt >= :from and p.startedAt < :to", EffortRow.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    public Map<UUID, Map<IncidentType, Integer>> incidentCounts(Instant from, Instant to) {
        Map<UUID, Map<IncidentType, Integer>> counts = new HashMap<>();
        for (Object[] row : getEntityManager().createQuery("select i.patrol.uuid, i.type, count(i) from Incident i"
                        + " where i.patrol.startedAt >= :from and i.patrol.startedAt < :to group by i.patrol.uuid, i.type", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            counts.computeIfAbsent((UUID) row[0], k -> new EnumMap<>(IncidentType.class))
                    .put((IncidentType) row[1], ((Number) row[2]).intValue());
        }
        return counts;
    }

    /** An incident of the report's window with its point, for grouping by the area it lies in. */
    public record IncidentPoint(UUID patrol, IncidentType type, double lat, double lon) {
    }

    public List<IncidentPoint> incidentPoints(Instant from, Instant to) {
        return getEntityManager().createQuery("select new " + IncidentPoint.class.getName() + "(i.patrol.uuid, i.type, i.lat, i.lon)"
                        + " from Incident i where i.patrol.startedAt >= :from and i.patrol.startedAt < :to", IncidentPoint.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    public Map<UUID, List<String>> teams(Instant from, Instant to) {
        Map<UUID, List<String>> teams = new HashMap<>();
        for (Object[] row : getEntityManager().createQuery("select p.uuid, m from Patrol p join p.team m"
                        + " where p.startedAt >= :from and p.startedAt < :to", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            teams.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return teams;
    }
}
