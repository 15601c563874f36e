package cn.jiaozuo.biodiversity.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time each process of the system used during a phase, from {@code /proc/<pid>/stat} (user + system ticks):
 * every process of the stack by its pid file (the services, Kafka, the mail server), PostgreSQL as all its processes
 * (one per connection), this benchmark's own JVM, and whatever the phase adds (wrk). Shares are of all cores over the
 * phase's wall time.
 */
final class CpuShares {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final Map<String, List<Long>> pids = new LinkedHashMap<>();
    private final Map<String, Long> before = new LinkedHashMap<>();
    private final long startedNanos = System.nanoTime();
    private final Map<String, Long> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();

    private CpuShares() {
    }

    static CpuShares start(BenchConfig config) throws IOException {
        CpuShares shares = new CpuShares();
        stackProcesses(config).forEach((name, pid) -> shares.pids.put(name, List.of(pid)));
        shares.pids.put("PostgreSQL (all backends)", postgresPids());
        shares.pids.put("this benchmark's JVM (Java load generator)", List.of(ProcessHandle.current().pid()));
        shares.pids.forEach((name, list) -> shares.before.put(name, ticks(list)));
        return shares;
    }

    /** The stack's processes by their pid files (services, Kafka, the mail server), by name. */
    static Map<String, Long> stackProcesses(BenchConfig config) throws IOException {
        Map<String, Long> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(config.stackVar().resolve("pids"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                try {
                    found.put(file.getFileName().toString().replaceFirst("\\.pid$", ""), Long.parseLong(Files.readString(file).trim()));
                } catch (NumberFormatException e) {
                    // a pid file being written: not a process of this phase
                }
            }
        }
        return found;
    }

    /**
     * A process started for the phase (the load generator): its ticks are read every 100 ms while it lives, since
     * they vanish with it from /proc.
     */
    void add(String name, Process process) {
        before.put(name, 0L);
        Thread sampler = new Thread(() -> {
            while (process.isAlive()) {
                long ticks = ticks(List.of(process.pid()));
                if (ticks > 0) {
                    lastSeen.put(name, ticks);
                }
                try {
                    Thread.sleep(100); // sampling a counter, not waiting for an event
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "cpu-sampler-" + name);
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The CPU seconds of each since {@link #start}. */
    Sample stop() {
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.put("PostgreSQL (all backends)", postgresPids()); // connections may have come and gone
        pids.forEach((name, list) -> seconds.put(name, Math.max(0, ticks(list) - before.getOrDefault(name, 0L)) / TICKS_PER_SECOND));
        lastSeen.forEach((name, ticks) -> seconds.put(name, ticks / TICKS_PER_SECOND));
        return new Sample(wall, Runtime.getRuntime().availableProcessors(), seconds);
    }

    record Sample(double wallSeconds, int cores, Map<String, Double> cpuSeconds) {

        void write(Report report) {
            double available = wallSeconds * cores;
            report.line("");
            report.line("  CPU during this phase (" + Report.fmt(available) + " core-seconds available):");
            report.line("");
            report.line("  | process | CPU s | share |");
            report.line("  |---|---|---|");
            double total = 0;
            for (Map.Entry<String, Double> e : cpuSeconds.entrySet()) {
                total += e.getValue();
                report.line("  | " + e.getKey() + " | " + Report.fmt(e.getValue()) + " | " + Report.pct(e.getValue() / available) + " |");
            }
            report.line("  | all of these | " + Report.fmt(total) + " | " + Report.pct(total / available) + " |");
            report.line("");
        }
    }

    /** PostgreSQL's processes: the postmaster's children are named "postgres" too. Terminated ones lose their ticks. */
    private static List<Long> postgresPids() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    return "postgres".equals(Files.readString(p.resolve("comm")).trim());
                } catch (IOException e) {
                    return false;
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** utime + stime of the processes (fields 14 and 15 of /proc/pid/stat, after the parenthesised name). */
    private static long ticks(List<Long> list) {
        long sum = 0;
        for (long pid : list) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                // gone: its ticks are lost with it
            }
        }
        return sum;
    }
}
