package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * An in-memory copy of a read-model table that intake consults without a query ({@link PlotIndex},
 * {@link StationBindings}): loaded at startup, right after this instance's consumer commits a change
 * ({@link #refreshSoon}), and every interval when another instance's change shows up in the table's
 * {@code max(version)}, on a {@link BackgroundLoop}. A reload swaps in a new value through a volatile
 * field, so readers need no lock.
 */
abstract class VersionedSnapshot<T> {

    private final Logger log = Logger.getLogger(getClass());
    private AgroalDataSource dataSource;
    private String versionQuery;
    private volatile T current;
    private volatile long loadedVersion = Long.MIN_VALUE;
    private volatile BackgroundLoop refresher;

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

    /**
     * Loads the table now, then on a {@link BackgroundLoop} every {@code every} or when woken. A failed
     * load keeps the previous copy; the loop retries with back-off, never slower than the interval.
     */
    protected void startRefreshing(String threadName, Duration every) {
        refresher = BackgroundLoop.named(threadName)
                .every(every)
                .backoff(Backoff.upTo(every))
                .waitFirst()
                .build(() -> {
                    refreshIfChanged();
                    return false;
                });
        try {
            refreshIfChanged();
        } catch (Exception e) {
            log.warnf("%s not loaded at startup, retrying in the background: %s", getClass().getSimpleName(), e.toString());
            refresher.wakeUp();
        }
        refresher.start();
    }

    protected void stopRefreshing() {
        if (refresher != null) {
            refresher.stop();
        }
    }

    /** Asks for a reload from the table without waiting (called after a change committed). */
    public void refreshSoon() {
        BackgroundLoop loop = refresher;
        if (loop != null) {
            loop.wakeUp();
        }
    }

    synchronized void refreshIfChanged() throws SQLException {
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
        }
    }
}
