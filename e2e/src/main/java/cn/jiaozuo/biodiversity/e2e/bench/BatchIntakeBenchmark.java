package cn.jiaozuo.biodiversity.e2e.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /observations/batch}: 20 batches of 1000 items, from 2 stations at once; then the time until every
 * consumer of their events has caught up, so the report shows what the whole system sustains and where the CPU went.
 */
record BatchIntakeBenchmark(BenchConfig config, Report report, LoadGenerator load, Backlog backlog) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Accepted observations per second. */
    double run() throws Exception {
        int batches = 20;
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = 0; i < 1000; i++) {
                body.append(i == 0 ? "" : ",").append(LoadGenerator.ordinarySighting());
            }
            bodies.add(body.append("]}").toString());
        }
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        PostgresCommits commits = PostgresCommits.start(config);
        CpuShares cpu = CpuShares.start(config);
        long start = System.nanoTime();
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
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        double rate = accepted.get() / uploadSeconds;
        pool.shutdown();
        report.line("- `POST /observations/batch`, 1000-item batches, 2 stations at once: **" + Report.fmt(rate)
                + " observations/s** (" + accepted.get() + " accepted in " + Report.fmt(uploadSeconds) + " s)");
        double drainSeconds = backlog.awaitDrained();
        CpuShares.Sample sample = cpu.stop();
        report.line("- … through the whole system (outboxes relayed, every consumer of `observations` caught up): "
                + Report.fmt(accepted.get() / (uploadSeconds + drainSeconds)) + " observations/s");
        long committed = commits.since();
        report.line("  PostgreSQL commits, all databases, until every consumer had caught up (less the idle rate): " + committed + " = **"
                + Report.fmt(1000.0 * committed / accepted.get()) + " per 1,000 observations**");
        sample.write(report);
        return rate;
    }
}
