package cn.jiaozuo.biodiversity.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * With {@code -Dbench.jfr=<folder>}: a JFR recording ({@code settings=profile}) of every JVM of the stack, started
 * before the warm-up (starting JFR costs each JVM seconds of CPU, which must not land in a measured phase) and
 * dumped for each profiled phase's interval into {@code <folder>/<phase>/<process>.jfr} (read with {@code jfr print}, or
 * {@code jfr view hot-methods} of a JDK 21+). JFR writes whole chunks, so a file may begin before the phase: keep the
 * events whose start time falls in it. Its sampling costs a little CPU, so a run that records is a profile first.
 */
final class JfrRecording {

    private static final String NAME = "bench";
    private final Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    private final Map<String, Long> recording = new LinkedHashMap<>();
    private final BenchConfig config;
    private final Report report;

    private JfrRecording(BenchConfig config, Report report) {
        this.config = config;
        this.report = report;
    }

    /** Starts recording every JVM of the stack; does nothing without {@code bench.jfr}. */
    static JfrRecording start(BenchConfig config, Report report) throws IOException, InterruptedException {
        JfrRecording jfr = new JfrRecording(config, report);
        if (config.jfr() != null) {
            for (Map.Entry<String, Long> process : CpuShares.stackProcesses(config).entrySet()) {
                // A process that is not a JVM refuses the attach and is simply not recorded.
                if (jfr.jcmd(process.getValue(), "JFR.start", "name=" + NAME, "settings=profile", "maxage=15m")) {
                    jfr.recording.put(process.getKey(), process.getValue());
                }
            }
        }
        return jfr;
    }

    /** Writes what each JVM recorded between {@code from} and {@code to} into {@code <folder>/<phase>/}. */
    void dump(String phase, Instant from, Instant to) throws IOException, InterruptedException {
        if (recording.isEmpty()) {
            return;
        }
        Path folder = Files.createDirectories(config.jfr().resolve(phase));
        for (Map.Entry<String, Long> process : recording.entrySet()) {
            Path file = folder.resolve(process.getKey() + ".jfr");
            if (!jcmd(process.getValue(), "JFR.dump", "name=" + NAME, "filename=" + file, "begin=" + from, "end=" + to)) {
                report.line("  (no JFR recording written for " + process.getKey() + ")");
            }
        }
        report.line("  (JFR recordings of the " + phase + " phase from " + recording.size() + " JVMs in " + folder
                + "; JFR ran through the phase, so its figures include JFR's sampling)");
    }

    /** Stops recording in every JVM. */
    void stop() throws IOException, InterruptedException {
        for (long pid : recording.values()) {
            jcmd(pid, "JFR.stop", "name=" + NAME);
        }
        recording.clear();
    }

    private boolean jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
