package cn.jiaozuo.biodiversity.observation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Writes of the station read model (reads go through the in-memory StationBindings). */
@ApplicationScoped
public class StationBindingRepository {

    private final Jdbc jdbc;

    public StationBindingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the binding as announced unless a newer snapshot of the station is already stored (a
     * compacted topic re-read from the start replays old snapshots). Returns whether the row changed.
     */
    public boolean upsert(String stationId, String subject, Instant updatedAt) {
        return jdbc.update("insert into station_binding (station_id, subject,"
                        + " station_updated_at, version) values (?, ?, ?, nextval('station_binding_version_seq'))"
                        + " on conflict (station_id) do update set subject = excluded.subject,"
                        + " station_updated_at = excluded.station_updated_at, version = excluded.version"
                        + " where station_binding.station_updated_at is null or excluded.station_updated_at is null"
                        + " or excluded.station_updated_at >= station_binding.station_updated_at",
                stationId, subject, updatedAt) == 1;
    }
}
