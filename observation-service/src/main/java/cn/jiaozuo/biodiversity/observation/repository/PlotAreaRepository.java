package cn.jiaozuo.biodiversity.observation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Writes of the plot read model (reads go through the in-memory PlotIndex). */
@ApplicationScoped
public class PlotAreaRepository {

    private final Jdbc jdbc;

    public PlotAreaRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the plot as announced unless a newer snapshot of it is already stored (a compacted
     * topic re-read from the start replays old snapshots). Returns whether the row changed.
     */
    public boolean upsert(String code, String countyCode, String status, String geometryJson, Instant updatedAt) {
        return jdbc.update("insert into plot_area (code, county_code, status, geometry_json, plot_updated_at, version)"
                + " values (?, ?, ?, ?, ?, nextval('plot_area_version_seq'))"
                + " on conflict (code) do update set county_code = excluded.county_code, status = excluded.status,"
                + " geometry_json = excluded.geometry_json, plot_updated_at = excluded.plot_updated_at,"
                + " version = excluded.version"
                + " where plot_area.plot_updated_at is null or excluded.plot_updated_at is null"
                + " or excluded.plot_updated_at >= plot_area.plot_updated_at",
                code, countyCode, status, geometryJson, updatedAt) == 1;
    }
}
