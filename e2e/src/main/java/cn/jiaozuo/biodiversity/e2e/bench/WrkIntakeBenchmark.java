package cn.jiaozuo.biodiversity.e2e.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single {@code POST /observations}, closed loop, from {@code wrk} (C, Debian's package): 2 threads, {@code clients}
 * connections. A lean generator: it costs a few percent of a core where a Java client cost a quarter of the machine,
 * so the figure is the service's, not the generator's. CPU shares of every process are read while it runs.
 */
record WrkIntakeBenchmark(BenchConfig config, Report report, LoadGenerator load, Backlog backlog) {

    record Result(Throughput throughput, long errors, CpuShares.Sample cpu, Instant started, Instant ended) {
    }

    Result run() throws Exception {
        Path script = Files.createTempFile("bench-intake", ".lua");
        try (InputStream in = WrkIntakeBenchmark.class.getResourceAsStream("/bench/intake.lua")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = List.of("wrk", "-t2", "-c" + config.clients(), "-d" + config.seconds() + "s", "--latency",
                "-s", script.toString(), config.observations() + "/observations");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BENCH_TOKEN", load.rangerToken);
        PostgresCommits commits = PostgresCommits.start(config);
        Instant started = Instant.now();
        CpuShares cpu = CpuShares.start(config);
        Process wrk = builder.start();
        cpu.add("wrk (load generator)", wrk);
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor(2, TimeUnit.MINUTES);
        CpuShares.Sample sample = cpu.stop();
        Instant ended = Instant.now();
        Files.deleteIfExists(script);
        double rate = number(out, "Requests/sec:\\s+([0-9.]+)");
        double p50 = latency(out, "50%");
        double p99 = latency(out, "99%");
        long non201 = (long) number(out, "Non-2xx or 3xx responses:\\s+([0-9]+)", 0);
        long socketErrors = socketErrors(out);
        long requests = (long) number(out, "([0-9]+) requests in");
        backlog.awaitDrained();
        long committed = commits.since();
        report.line("- Single `POST /observations`, closed loop, `wrk` 2 threads × " + config.clients()
                + " connections: **" + Report.fmt(rate) + " req/s**, p50 " + Report.ms(p50) + ", p99 " + Report.ms(p99)
                + ", non-2xx: " + non201 + ", socket errors: " + socketErrors);
        report.line("  PostgreSQL commits, all databases, until every consumer had caught up (less the idle rate): " + committed + " = **"
                + Report.fmt((double) committed / requests) + " per sighting** (" + requests + " sent)");
        sample.write(report);
        return new Result(new Throughput(rate, p50, p99), non201 + socketErrors, sample, started, ended);
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no " + regex + ":\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double number(String out, String regex, double absent) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : absent;
    }

    /** A line of wrk's latency distribution, e.g. {@code 99%   12.34ms}, in milliseconds. */
    private static double latency(String out, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no " + percentile + " latency:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static long socketErrors(String out) {
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        List<Long> counts = new ArrayList<>();
        if (m.find()) {
            for (int i = 1; i <= 4; i++) {
                counts.add(Long.parseLong(m.group(i)));
            }
        }
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
