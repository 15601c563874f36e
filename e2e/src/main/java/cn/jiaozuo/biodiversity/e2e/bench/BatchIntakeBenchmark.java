package cn.jiaozuo.biodiversity.e2e.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /observations/batch}: 20 batches of 1000 items, from 2 stations at once; then the time until every
 * consumer of their events has caught up, so the report shows what the whole system sustains and where the CPU went.
 * The batch path gets a warm-up of its own first (the closed-loop warm-up compiles the single path only: without it
 * the JIT compiled the batch path during the measured seconds and was the busiest thread of observation-service).
 */
record BatchIntakeBenchmark(BenchConfig config, Report report, LoadGenerator load, Backlog backlog) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCHES = 20;

    /** Accepted observations per second, and when the uploads started and ended. */
    record Result(double perSecond, Instant started, Instant ended) {
    }

    Result run() throws Exception {
        long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.batchWarmUpSeconds());
        while (System.nanoTime() < warmUpEnd) {
            upload(bodies(2));
        }
        backlog.awaitDrained();

        List<String> bodies = bodies(BATCHES);
        PostgresCommits commits = PostgresCommits.start(config);
        CpuShares cpu = CpuShares.start(config);
        Instant started = Instant.now();
        long start = System.nanoTime();
        int accepted = upload(bodies);
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        Instant ended = Instant.now();
        double rate = accepted / uploadSeconds;
        report.line("- `POST /observations/batch`, 1000-item batches, 2 stations at once, after " + config.batchWarmUpSeconds()
                + " s of batches as warm-up: **" + Report.fmt(rate) + " observations/s** (" + accepted + " accepted in "
                + Report.fmt(uploadSeconds) + " s)");
        double drainSeconds = backlog.awaitDrained();
        CpuShares.Sample sample = cpu.stop();
        report.line("- … through the whole system (outboxes relayed, every consumer of `observations` caught up): "
                + Report.fmt(accepted / (uploadSeconds + drainSeconds)) + " observations/s");
        long committed = commits.since();
        report.line("  PostgreSQL commits, all databases, until every consumer had caught up (less the idle rate): " + committed + " = **"
                + Report.fmt(1000.0 * committed / accepted) + " per 1,000 observations**");
        sample.write(report);
        return new Result(rate, started, ended);
    }

    private static List<String> bodies(int batches) {
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = 0; i < 1000; i++) {
                body.append(i == 0 ? "" : ",").append(LoadGenerator.ordinarySighting());
            }
            bodies.add(body.append("]}").toString());
        }
        return bodies;
    }

    /** Posts the batches from 2 stations at once; returns the accepted items. */
    private int upload(List<String> bodies) {
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Void>> uploads = new ArrayList<>();
            for (String body : bodies) {
                uploads.add(CompletableFuture.runAsync(() -> {
                    try {
                        HttpResponse<String> response = load.http.send(load.post("/observations/batch", load.stationToken, body),
                                HttpResponse.BodyHandlers.ofString());
                        accepted.addAndGet(JSON.readTree(response.body()).path("accepted").asInt());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        return accepted.get();
    }
}
