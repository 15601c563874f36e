package cn.jiaozuo.biodiversity.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Startup time (the service's own "started in" log line; the stack restarted each service alone) and idle RSS
 * ({@code /proc/<pid>/status}) of the services (deploy/local/lib/bench.sh restarts each of its SERVICES).
 */
record StartupBenchmark(BenchConfig config, Report report) {

    /** One service's figures; -1 when not found. */
    record Footprint(double startupSeconds, double rssMb) {
    }

    Map<String, Footprint> run() throws IOException {
        Map<String, Footprint> result = new LinkedHashMap<>();
        report.line("## Startup and idle memory");
        report.line("");
        report.line("| service | startup (s) | RSS idle (MB) |");
        report.line("|---|---|---|");
        Pattern started = Pattern.compile("started in ([0-9.]+)s");
        for (String service : List.of("observation-service", "sampling-plot-service", "alert-service", "patrol-service",
                "bulletin-service")) {
            Path log = config.stackVar().resolve("logs/" + service + ".log");
            double startup = -1;
            for (String l : Files.readAllLines(log)) {
                Matcher m = started.matcher(l);
                if (m.find()) {
                    startup = Double.parseDouble(m.group(1));
                }
            }
            String pid = Files.readString(config.stackVar().resolve("pids/" + service + ".pid")).trim();
            double rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024.0).findFirst().orElse(-1.0);
            result.put(service, new Footprint(startup, rss));
            report.line("| " + service + " | " + Report.fmt(startup) + " | " + Report.fmt(rss) + " |");
        }
        report.line("");
        return result;
    }
}
