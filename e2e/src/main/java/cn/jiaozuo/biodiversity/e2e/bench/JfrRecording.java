package cn.jiaozuo.biodiversity.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * With {@code -Dbench.jfr=<folder>}: a JFR recording ({@code settings=profile}) of every JVM of the stack over one phase,
 * {@code <folder>/<process>.jfr}, started and stopped with {@code jcmd} (read with {@code jfr print} or, on JDK 21+,
 * {@code jfr view hot-methods}). The profile costs a little CPU, so a run that records is a profile, not a figure.
 */
final class JfrRecording implements AutoCloseable {

    private static final String NAME = "bench";
    private final Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    private final List<Long> recording = new ArrayList<>();
    private final Report report;

    private JfrRecording(Report report) {
        this.report = report;
    }

    /** Starts recording every JVM of the stack; does nothing without {@code bench.jfr}. */
    static JfrRecording start(BenchConfig config, Report report) throws IOException, InterruptedException {
        JfrRecording jfr = new JfrRecording(report);
        if (config.jfr() == null) {
            return jfr;
        }
        Files.createDirectories(config.jfr());
        for (Map.Entry<String, Long> process : CpuShares.stackProcesses(config).entrySet()) {
            Path file = config.jfr().resolve(process.getKey() + ".jfr");
            // Processes that are not JVMs (none today) refuse the attach; they are simply not recorded.
            if (jfr.jcmd(process.getValue(), "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file)) {
                jfr.recording.add(process.getValue());
            }
        }
        report.line("  (JFR recording of " + jfr.recording.size() + " JVMs into " + config.jfr() + ": figures of this phase include its cost)");
        return jfr;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (long pid : recording) {
            if (!jcmd(pid, "JFR.stop", "name=" + NAME)) {
                report.line("  (JFR recording of process " + pid + " not stopped cleanly)");
            }
        }
    }

    private boolean jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
