package cn.jiaozuo.biodiversity.patrol.repository;

import cn.jiaozuo.biodiversity.patrol.domain.AreaKind;
import cn.jiaozuo.biodiversity.patrol.domain.AreaSplit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;

/**
 * The read model of areas ({@code geography_area}) and the patrols' splits by them ({@code patrol_area_effort}), in
 * SQL: rows another service's events shape, read in bulk, never loaded as entities.
 */
@ApplicationScoped
public class AreaRepository {

    /** Serializes changes of outlines (exclusive) against patrols and incidents being split by them (shared). */
    private static final String OUTLINES_LOCK = "geography-outlines";

    private final EntityManager em;

    public AreaRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Held by a transaction that splits new patrols or places new incidents, until it ends: an outline change waits
     * for it and then re-splits what it committed, or it waits for the change and then reads the new outline.
     */
    public void lockOutlinesShared() {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock_shared(hashtextextended(?1, 0))").setParameter(1, OUTLINES_LOCK)
                .getSingleResult();
    }

    public void lockOutlinesExclusive() {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, OUTLINES_LOCK)
                .getSingleResult();
    }

    /** A stored area: its outline as GeoJSON text (null when withdrawn). */
    public record AreaRow(AreaKind kind, String id, String name, String countyCode, String geometry, boolean active,
            Instant updatedAt) {
    }

    /**
     * Stores the state unless the stored one is as new or newer; true when it was stored. Equal times keep the first:
     * a redelivered event changes nothing.
     */
    public boolean upsert(AreaRow a) {
        return em.createNativeQuery("insert into geography_area (kind, id, name, county_code, geometry, active, updated_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " on conflict (kind, id) do update set name = excluded.name, county_code = excluded.county_code,"
                        + " geometry = excluded.geometry, active = excluded.active, updated_at = excluded.updated_at"
                        + " where geography_area.updated_at < excluded.updated_at")
                .setParameter(1, a.kind().name()).setParameter(2, a.id()).setParameter(3, a.name())
                .setParameter(4, a.countyCode()).setParameter(5, a.geometry()).setParameter(6, a.active())
                .setParameter(7, Timestamp.from(a.updatedAt())).executeUpdate() == 1;
    }

    /** The active areas with an outline, of the given kinds, in (kind, id) order. */
    public List<AreaRow> active(Collection<AreaKind> kinds) {
        List<AreaRow> rows = new ArrayList<>();
        for (Object[] r : rows("select kind, id, name, county_code, geometry, active, updated_at from geography_area"
                + " where active and geometry is not null and kind in (?1) order by kind, id",
                kinds.stream().map(Enum::name).toList())) {
            rows.add(new AreaRow(AreaKind.valueOf((String) r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (Boolean) r[5], r[6] instanceof Timestamp t ? t.toInstant() : (Instant) r[6]));
        }
        return rows;
    }

    public void replaceSplits(UUID patrol, List<AreaSplit> splits) {
        em.createNativeQuery("delete from patrol_area_effort where patrol_uuid = ?1").setParameter(1, patrol).executeUpdate();
        splits.forEach(s -> insertSplit(patrol, s));
    }

    public void insertSplit(UUID patrol, AreaSplit s) {
        em.createNativeQuery("insert into patrol_area_effort (patrol_uuid, kind, area_id, distance_m, duration_s) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, patrol).setParameter(2, s.kind().name()).setParameter(3, s.areaId())
                .setParameter(4, s.distanceM()).setParameter(5, s.durationS()).executeUpdate();
    }

    /** Removes every patrol's split by one area; the number removed. */
    public int deleteSplits(AreaKind kind, String id) {
        return em.createNativeQuery("delete from patrol_area_effort where kind = ?1 and area_id = ?2")
                .setParameter(1, kind.name()).setParameter(2, id).executeUpdate();
    }

    /** The patrols whose kept track's box meets {@code box} ({@code x} longitude, {@code y} latitude). */
    public List<UUID> patrolsMeeting(Envelope box) {
        List<UUID> uuids = new ArrayList<>();
        for (Object uuid : em.createNativeQuery("select uuid from patrol where min_lat <= ?1 and max_lat >= ?2"
                        + " and min_lon <= ?3 and max_lon >= ?4")
                .setParameter(1, box.getMaxY()).setParameter(2, box.getMinY()).setParameter(3, box.getMaxX())
                .setParameter(4, box.getMinX()).getResultList()) {
            uuids.add((UUID) uuid);
        }
        return uuids;
    }

    /** A patrol's split by an area, with the area's name (the id when the area is no longer known). */
    public record SplitRow(UUID patrol, AreaKind kind, String areaId, String name, double distanceM, double durationS) {
    }

    public Map<UUID, List<SplitRow>> splitsOf(Collection<UUID> patrols) {
        Map<UUID, List<SplitRow>> splits = new HashMap<>();
        if (patrols.isEmpty()) {
            return splits;
        }
        for (Object[] r : rows("select e.patrol_uuid, e.kind, e.area_id, coalesce(a.name, e.area_id), e.distance_m, e.duration_s"
                + " from patrol_area_effort e left join geography_area a on a.kind = e.kind and a.id = e.area_id"
                + " where e.patrol_uuid in (?1) order by e.kind, e.area_id", List.copyOf(patrols))) {
            SplitRow row = split(r);
            splits.computeIfAbsent(row.patrol(), k -> new ArrayList<>()).add(row);
        }
        return splits;
    }

    /** The splits of one kind of the patrols that started in [from, to). */
    public List<SplitRow> splitsIn(Instant from, Instant to, AreaKind kind) {
        List<SplitRow> splits = new ArrayList<>();
        for (Object[] r : arrays(em.createNativeQuery("select e.patrol_uuid, e.kind, e.area_id, e.area_id, e.distance_m, e.duration_s"
                        + " from patrol_area_effort e join patrol p on p.uuid = e.patrol_uuid"
                        + " where e.kind = ?1 and p.started_at >= ?2 and p.started_at < ?3", Object[].class)
                .setParameter(1, kind.name()).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to)))) {
            splits.add(split(r));
        }
        return splits;
    }

    /** A patrol's kept track as stored ({@code TrackJson}), without loading the patrol. */
    public String trackLines(UUID patrol) {
        return (String) em.createNativeQuery("select lines from patrol_track where patrol_uuid = ?1").setParameter(1, patrol)
                .getSingleResult();
    }

    /** An incident's point and its protected area, for re-placing incidents when a protected area's outline changes. */
    public record IncidentPlace(UUID uuid, double lat, double lon, String protectedAreaId) {
    }

    /** The incidents placed in area {@code id}, or (with a box) lying in {@code box}. */
    public List<IncidentPlace> incidentsToPlace(String id, Envelope box) {
        StringBuilder sql = new StringBuilder("select uuid, lat, lon, protected_area_id from incident where protected_area_id = ?1");
        if (box != null) {
            sql.append(" or (lat between ?2 and ?3 and lon between ?4 and ?5)");
        }
        var query = em.createNativeQuery(sql.toString(), Object[].class).setParameter(1, id);
        if (box != null) {
            query.setParameter(2, box.getMinY()).setParameter(3, box.getMaxY()).setParameter(4, box.getMinX())
                    .setParameter(5, box.getMaxX());
        }
        List<IncidentPlace> places = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            places.add(new IncidentPlace((UUID) r[0], ((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue(), (String) r[3]));
        }
        return places;
    }

    public void placeIncident(UUID incident, String protectedAreaId) {
        em.createNativeQuery("update incident set protected_area_id = ?1 where uuid = ?2").setParameter(1, protectedAreaId)
                .setParameter(2, incident).executeUpdate();
    }

    private static SplitRow split(Object[] r) {
        return new SplitRow((UUID) r[0], AreaKind.valueOf((String) r[1]), (String) r[2], (String) r[3],
                ((Number) r[4]).doubleValue(), ((Number) r[5]).doubleValue());
    }

    private List<Object[]> rows(String sql, Object parameter) {
        return arrays(em.createNativeQuery(sql, Object[].class).setParameter(1, parameter));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> arrays(jakarta.persistence.Query query) {
        return query.getResultList();
    }
}
