package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The species catalog held in memory: intake and catalog reads never query the table (stations
 * post thousands of records at once). Reloaded after each species write of this instance (outside
 * its transaction, once committed), and when an unknown id or name is asked for (another instance
 * may have added it), at most once a second.
 */
@ApplicationScoped
public class SpeciesCatalog {

    private static final long MISS_RELOAD_INTERVAL_MS = 1_000;

    private final AgroalDataSource dataSource;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), List.of());
    private volatile long lastReloadAt;

    private record Snapshot(Map<Long, SpeciesSnapshot> byId, Map<String, SpeciesSnapshot> byName,
            List<SpeciesSnapshot> all) {
    }

    public SpeciesCatalog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void load(@Observes StartupEvent event) {
        reload();
    }

    public Optional<SpeciesSnapshot> byId(long id) {
        SpeciesSnapshot found = snapshot.byId().get(id);
        if (found == null && reloadAfterMiss()) {
            found = snapshot.byId().get(id);
        }
        return Optional.ofNullable(found);
    }

    public Optional<SpeciesSnapshot> byScientificName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        SpeciesSnapshot found = snapshot.byName().get(key);
        if (found == null && reloadAfterMiss()) {
            found = snapshot.byName().get(key);
        }
        return Optional.ofNullable(found);
    }

    /** All species ordered by id. */
    public List<SpeciesSnapshot> all() {
        return snapshot.all();
    }

    private boolean reloadAfterMiss() {
        if (System.currentTimeMillis() - lastReloadAt < MISS_RELOAD_INTERVAL_MS) {
            return false;
        }
        reload();
        return true;
    }

    public synchronized void reload() {
        List<SpeciesSnapshot> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, scientific_name, chinese_name, english_name, species_group,"
                        + " protection_level, invasive, sensitive from species")) {
            while (rs.next()) {
                all.add(new SpeciesSnapshot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Species catalog cannot be loaded", e);
        }
        all.sort(Comparator.comparingLong(SpeciesSnapshot::id));
        Map<Long, SpeciesSnapshot> byId = new HashMap<>();
        Map<String, SpeciesSnapshot> byName = new HashMap<>();
        for (SpeciesSnapshot s : all) {
            byId.put(s.id(), s);
            byName.put(s.scientificName().toLowerCase(Locale.ROOT), s);
        }
        snapshot = new Snapshot(Map.copyOf(byId), Map.copyOf(byName), List.copyOf(all));
        lastReloadAt = System.currentTimeMillis();
    }
}
