package cn.jiaozuo.biodiversity.e2e.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Raw baseline: single-row inserts of the observation row shape in autocommit, one JDBC connection per client. */
record RawSingleRowBenchmark(BenchConfig config, Report report) {

    /** Commits per second into {@link RawObservationTable}. */
    double run() {
        int seconds = config.seconds();
        int clients = config.clients();
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(CompletableFuture.runAsync(() -> {
                try (Connection c = config.connect(); PreparedStatement insert = c.prepareStatement(RawObservationTable.INSERT)) {
                    while (System.nanoTime() < end) {
                        RawObservationTable.bind(insert);
                        insert.executeUpdate(); // autocommit: one commit per row
                        commits.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        double rate = commits.get() / (double) seconds;
        report.line("- PostgreSQL single-row insert, autocommit, " + clients + " connections: **" + Report.fmt(rate) + " commits/s**");
        return rate;
    }
}
