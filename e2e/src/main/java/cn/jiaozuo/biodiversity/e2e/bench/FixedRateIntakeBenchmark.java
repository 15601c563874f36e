package cn.jiaozuo.biodiversity.e2e.bench;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Single {@code POST /observations} at a fixed rate, open loop: requests start on schedule whatever the answers
 * do, and latency counts from the schedule, so queueing shows.
 */
record FixedRateIntakeBenchmark(BenchConfig config, Report report, LoadGenerator load) {

    /** The achieved rate and latencies at {@code rate} requests per second. */
    Throughput run(int rate) throws Exception {
        int seconds = config.seconds();
        int total = rate * seconds;
        double[] latencies = new double[total];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            int index = i;
            long intended = start + i * intervalNanos;
            scheduler.schedule(() -> load.http.sendAsync(load.post("/observations", load.rangerToken,
                            LoadGenerator.ordinarySighting()), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latencies[index] = (System.nanoTime() - intended) / 1e6;
                        if (failure != null || response.statusCode() != 201) {
                            errors.incrementAndGet();
                        }
                        done.countDown();
                    }), intended - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        scheduler.shutdown();
        Arrays.sort(latencies);
        double achieved = total / Math.max(elapsed, seconds);
        report.line("- Single `POST /observations` at a fixed " + rate + " req/s for " + seconds + " s: achieved "
                + Report.fmt(achieved) + " req/s, p50 " + Report.ms(Report.percentile(latencies, 50)) + ", p99 "
                + Report.ms(Report.percentile(latencies, 99)) + ", errors " + errors.get());
        return new Throughput(achieved, Report.percentile(latencies, 50), Report.percentile(latencies, 99));
    }
}
