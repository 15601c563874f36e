package cn.jiaozuo.biodiversity.observation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Writes of the plot read model (reads go through the in-memory PlotIndex). */
@ApplicationScoped
public class PlotAreaRepository {

    private final EntityManager em;

    public PlotAreaRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores the plot as announced unless a newer snapshot of it is already stored (a compacted
     * topic re-read from the start replays old snapshots). Returns whether the row changed.
     */
    public boolean upsert(String code, String countyCode, String status, String geometryJson, Instant updatedAt) {
        return em.unwrap(org.hibernate.Session.class).createNativeQuery("insert into plot_area (code, county_code, status, geometry_json, plot_updated_at, version)"
                + " values (?1, ?2, ?3, ?4, ?5, nextval('plot_area_version_seq'))"
                + " on conflict (code) do update set county_code = excluded.county_code, status = excluded.status,"
                + " geometry_json = excluded.geometry_json, plot_updated_at = excluded.plot_updated_at,"
                + " version = excluded.version"
                + " where plot_area.plot_updated_at is null or excluded.plot_updated_at is null"
                + " or excluded.plot_updated_at >= plot_area.plot_updated_at")
                .setParameter(1, code).setParameter(2, countyCode).setParameter(3, status).setParameter(4, geometryJson)
                .setParameter(5, updatedAt, Instant.class)
                .executeUpdate() == 1;
    }
}
