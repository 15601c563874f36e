package cn.jiaozuo.biodiversity.observation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Writes of the county outline read model (reads go through the in-memory CountyOutlines). */
@ApplicationScoped
public class CountyOutlineRepository {

    private final Jdbc jdbc;

    public CountyOutlineRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the county's outline as announced ({@code geometryJson} null when withdrawn) unless a newer
     * snapshot of it is already stored (a compacted topic re-read from the start replays old snapshots).
     * Returns whether the row changed.
     */
    public boolean upsert(String countyCode, boolean active, String geometryJson, Instant updatedAt) {
        return jdbc.update("insert into county_outline (county_code, active, geometry_json, outline_updated_at, version)"
                + " values (?, ?, ?, ?, nextval('county_outline_version_seq'))"
                + " on conflict (county_code) do update set active = excluded.active,"
                + " geometry_json = excluded.geometry_json, outline_updated_at = excluded.outline_updated_at,"
                + " version = excluded.version"
                + " where excluded.outline_updated_at >= county_outline.outline_updated_at",
                countyCode, active, geometryJson, updatedAt) == 1;
    }
}
