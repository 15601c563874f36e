package cn.jiaozuo.biodiversity.observation.domain;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * An in-memory copy of a read-model table that intake consults without a query ({@link PlotIndex},
 * {@link StationBindings}): loaded at startup, right after this instance's consumer commits a change
 * ({@link #refreshSoon}), and on a fixed delay when another instance's change shows up in the table's
 * {@code max(version)}. A reload swaps in a new value through a volatile field, so readers need no lock.
 */
abstract class VersionedSnapshot<T> {

    private final Logger log = Logger.getLogger(getClass());
    private AgroalDataSource dataSource;
    private String versionQuery;
    private volatile T current;
    private volatile long loadedVersion = Long.MIN_VALUE;
    private ScheduledExecutorService executor;

    /** For the container's client proxies of the application-scoped subclasses. */
    protected VersionedSnapshot() {
    }

    /** @param table the read-model table, whose {@code version} column grows with every change */
    VersionedSnapshot(AgroalDataSource dataSource, String table, T empty) {
        this.dataSource = dataSource;
        this.versionQuery = "select coalesce(max(version), 0) from " + table;
        this.current = empty;
    }

    /** Reads the whole table into a new value (never mutated afterwards). */
    protected abstract T load(Statement statement) throws SQLException;

    /** The value loaded last. */
    protected T current() {
        return current;
    }

    protected void startRefreshing(String threadName, Duration every) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        refreshIfChanged();
        executor.scheduleWithFixedDelay(this::refreshIfChanged, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    protected void stopRefreshing() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Asks for a reload from the table without waiting (called after a change committed). */
    public void refreshSoon() {
        if (executor != null) {
            executor.execute(this::refreshIfChanged);
        }
    }

    synchronized void refreshIfChanged() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long version;
            try (ResultSet rs = s.executeQuery(versionQuery)) {
                rs.next();
                version = rs.getLong(1);
            }
            if (version == loadedVersion) {
                return;
            }
            current = load(s);
            loadedVersion = version;
            log.debugf("%s reloaded (version %d)", getClass().getSimpleName(), version);
        } catch (Exception e) {
            log.warnf("%s not reloaded, keeping the previous copy: %s", getClass().getSimpleName(), e.toString());
        }
    }
}
