package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.observation.config.StationBindingConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Which identity each station uploads with, held in memory so intake checks a stationId without a query
 * (built like {@link PlotIndex}): loaded from the read-model table {@code station_binding} at startup,
 * right after this instance's consumer commits a change, and when another instance's change shows up in
 * the table's version. A reload swaps in a new map through a volatile field, so lookups need no lock.
 */
@ApplicationScoped
public class StationBindings {

    private static final Logger LOG = Logger.getLogger(StationBindings.class);

    private final AgroalDataSource dataSource;
    private final StationBindingConfig config;
    /** station id → bound subject (null value: registered but not bound). */
    private volatile Map<String, String> subjects = Map.of();
    private volatile long loadedVersion = Long.MIN_VALUE;
    private ScheduledExecutorService executor;

    public StationBindings(AgroalDataSource dataSource, StationBindingConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "station-bindings");
            t.setDaemon(true);
            return t;
        });
        refreshIfChanged();
        long every = config.refreshInterval().toMillis();
        executor.scheduleWithFixedDelay(this::refreshIfChanged, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The subject the station is bound to; null when the station is unknown here or not bound. */
    public String subjectOf(String stationId) {
        return subjects.get(stationId);
    }

    /** Asks for a reload from the table without waiting (called after a binding change committed). */
    public void refreshSoon() {
        if (executor != null) {
            executor.execute(this::refreshIfChanged);
        }
    }

    synchronized void refreshIfChanged() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long version;
            try (ResultSet rs = s.executeQuery("select coalesce(max(version), 0) from station_binding")) {
                rs.next();
                version = rs.getLong(1);
            }
            if (version == loadedVersion) {
                return;
            }
            Map<String, String> next = new HashMap<>();
            try (ResultSet rs = s.executeQuery("select station_id, subject from station_binding")) {
                while (rs.next()) {
                    next.put(rs.getString(1), rs.getString(2));
                }
            }
            subjects = Collections.unmodifiableMap(next);
            loadedVersion = version;
            LOG.debugf("Station bindings reloaded: %d stations (version %d)", next.size(), version);
        } catch (Exception e) {
            LOG.warnf("Station bindings not reloaded, keeping the previous ones: %s", e.toString());
        }
    }
}
