package cn.jiaozuo.biodiversity.e2e.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the packaged system against the raw capacity of the same machine, in one run, and prints a Markdown
 * report, also written to the file given as first argument. Run by {@code deploy/local/stack bench} against the
 * e2e stack. One class per measurement ({@code *Benchmark}); this runner orders them, starts each phase of the
 * services on a drained system ({@link Backlog}) and holds the results against the targets.
 */
public final class Benchmark {

    private final BenchConfig config = BenchConfig.fromSystemProperties();
    private final Report report = new Report();
    private final LoadGenerator load = new LoadGenerator(config);
    private final Backlog backlog = new Backlog(config, report);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Benchmark bench = new Benchmark();
        bench.run();
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), bench.report.text());
        }
        System.exit(0);
    }

    private void run() throws Exception {
        report.line("# Benchmark run " + OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
        report.line("");
        MachineDescription.write(config, report);
        Map<String, StartupBenchmark.Footprint> services = new StartupBenchmark(config, report).run();

        report.line("## Raw baseline (same machine, same run)");
        report.line("");
        double rawSingle;
        double rawTwoInserts;
        double rawBatch;
        try (RawObservationTable table = RawObservationTable.create(config)) {
            rawSingle = new RawSingleRowBenchmark(config, report).run();
            rawTwoInserts = new PgbenchTwoInsertBenchmark(config, report).run();
            rawBatch = new RawBatchBenchmark(config, report).run();
        }
        Throughput kafka = new KafkaProducerBenchmark(config, report).run();
        report.line("");

        report.line("## The services");
        report.line("");
        JfrRecording jfr = JfrRecording.start(config, report);
        load.warmUp(config.warmUpSeconds());
        // Every phase starts on a drained system: what one phase left in the outboxes and consumer
        // queues would otherwise be billed to the next.
        backlog.awaitDrained();
        AlertLatencyBenchmark.Latency alert = new AlertLatencyBenchmark(config, report, load).run();
        backlog.awaitDrained();
        WrkIntakeBenchmark.Result wrk = new WrkIntakeBenchmark(config, report, load, backlog).run();
        jfr.dump("closed-loop", wrk.started(), wrk.ended());
        Throughput closed = wrk.throughput();
        List<Throughput> fixed = new ArrayList<>();
        FixedRateIntakeBenchmark fixedRate = new FixedRateIntakeBenchmark(config, report, load);
        for (int rate : new int[] {250, 500, 1000}) {
            backlog.awaitDrained();
            fixed.add(fixedRate.run(rate));
        }
        backlog.awaitDrained();
        BatchIntakeBenchmark.Result batchRun = new BatchIntakeBenchmark(config, report, load, backlog).run();
        jfr.dump("batch", batchRun.started(), batchRun.ended());
        jfr.stop();
        double batch = batchRun.perSecond();
        backlog.awaitDrained();
        report.line("");

        Throughput at1000 = fixed.get(2);
        report.line("## Against the targets");
        report.line("");
        report.line("| target | measured | met |");
        report.line("|---|---|---|");
        report.row("single POST ≥ 35 % of raw two-insert transactions/s (pgbench)", Report.pct(closed.perSecond() / rawTwoInserts)
                + " (" + Report.pct(closed.perSecond() / rawSingle) + " of single-row commits)", closed.perSecond() / rawTwoInserts >= 0.35);
        report.row("no error responses under closed-loop load", wrk.errors() + " non-201 or socket errors", wrk.errors() == 0);
        report.row("p99 ≤ 25 ms at 1,000 req/s", Report.ms(at1000.p99()) + " (achieved " + Report.fmt(at1000.perSecond()) + " req/s)",
                at1000.p99() <= 25 && at1000.perSecond() >= 950);
        report.row("batch ≥ 50 % of raw batch rows/s", Report.pct(batch / rawBatch), batch / rawBatch >= 0.50);
        report.row("alert latency p99 ≤ 1 s", Report.ms(alert.p99()), alert.p99() <= 1000);
        for (Map.Entry<String, StartupBenchmark.Footprint> s : services.entrySet()) {
            report.row(s.getKey() + " starts in ≤ 3 s", Report.fmt(s.getValue().startupSeconds()) + " s",
                    s.getValue().startupSeconds() <= 3.0);
            report.row(s.getKey() + " idles under 300 MB RSS", Report.fmt(s.getValue().rssMb()) + " MB", s.getValue().rssMb() < 300);
        }
        report.line("");
        report.line("Kafka producer baseline: " + Report.fmt(kafka.perSecond()) + " records/s (1 KB, acks=all), send→ack p50 "
                + Report.ms(kafka.p50()) + ", p99 " + Report.ms(kafka.p99()) + ".");
        System.out.println(report.text());
    }
}
