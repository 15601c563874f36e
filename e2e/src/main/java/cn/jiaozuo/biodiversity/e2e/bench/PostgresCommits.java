package cn.jiaozuo.biodiversity.e2e.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Transactions committed in the stack's PostgreSQL cluster, every database (the services' writes, their relays' and
 * their consumers'), from {@code pg_stat_database}. Unlike CPU seconds, commits per sighting do not move with the
 * machine's speed, so they compare runs on a machine that speeds up or slows down between them.
 */
final class PostgresCommits {

    /**
     * PostgreSQL 15 backends publish their counts at most once a second, and an idle one within ten seconds: a count
     * read sooner after the work misses part of it. A wait for an external system's report, not a synchronisation.
     */
    private static final long SETTLE_MILLIS = 11_000;
    private static final long IDLE_MILLIS = 5_000;

    private final BenchConfig config;
    private final long before;
    private final long startedNanos;
    private final double idlePerSecond;

    private PostgresCommits(BenchConfig config, long before, double idlePerSecond) {
        this.config = config;
        this.before = before;
        this.startedNanos = System.nanoTime();
        this.idlePerSecond = idlePerSecond;
    }

    /**
     * Starts counting, after the counts of earlier work have settled and the idle system's own commits (relays and
     * consumers polling, a few dozen a second) were measured over {@link #IDLE_MILLIS}; {@link #since} subtracts them.
     */
    static PostgresCommits start(BenchConfig config) throws SQLException, InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        long idleFrom = total(config);
        long from = System.nanoTime();
        Thread.sleep(IDLE_MILLIS);
        long before = total(config);
        return new PostgresCommits(config, before, (before - idleFrom) / ((System.nanoTime() - from) / 1e9));
    }

    /** Commits since {@link #start}, less what the idle system would have committed meanwhile; call once the work is done. */
    long since() throws SQLException, InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return Math.max(0, Math.round(total(config) - before - idlePerSecond * seconds));
    }

    private static long total(BenchConfig config) throws SQLException {
        try (Connection c = config.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select sum(xact_commit) from pg_stat_database")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
