package cn.jiaozuo.biodiversity.e2e.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Single {@code POST /observations}, closed loop: each client sends its next request when the last one answered. */
record ClosedLoopIntakeBenchmark(BenchConfig config, Report report, LoadGenerator load) {

    Throughput run() throws Exception {
        int seconds = config.seconds();
        int clients = config.clients();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    HttpResponse<Void> response = load.http.send(load.post("/observations", load.rangerToken,
                            LoadGenerator.ordinarySighting()), HttpResponse.BodyHandlers.discarding());
                    latencies.add((System.nanoTime() - t) / 1e6);
                    if (response.statusCode() != 201) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rate = sorted.length / (double) seconds;
        report.line("- Single `POST /observations`, closed loop, " + clients + " clients: **" + Report.fmt(rate) + " req/s**, p50 "
                + Report.ms(Report.percentile(sorted, 50)) + ", p99 " + Report.ms(Report.percentile(sorted, 99))
                + ", non-201: " + errors.get());
        return new Throughput(rate, Report.percentile(sorted, 50), Report.percentile(sorted, 99));
    }
}
