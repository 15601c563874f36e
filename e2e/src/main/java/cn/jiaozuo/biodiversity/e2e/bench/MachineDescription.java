package cn.jiaozuo.biodiversity.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** The report's opening: cores, memory, JDK, PostgreSQL and Kafka versions. */
final class MachineDescription {

    private MachineDescription() {
    }

    static void write(BenchConfig config, Report report) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        report.line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory
                + "; services on " + servicesJdk(config) + "; this benchmark's JVM on JDK " + System.getProperty("java.version")
                + "; load generator in the same machine.");
        try (Connection c = config.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            report.line("PostgreSQL " + rs.getString(1) + " on the same machine (fsync on); Kafka 4.1.2 single KRaft node.");
        } catch (Exception e) {
            report.line("PostgreSQL version unknown: " + e.getMessage());
        }
        report.line("");
    }

    /** The JDK the stack started observation-service with (its command line), and whether with an ahead-of-time cache. */
    private static String servicesJdk(BenchConfig config) {
        try {
            String pid = Files.readString(config.stackVar().resolve("pids/observation-service.pid")).trim();
            String[] args = Files.readString(Path.of("/proc", pid, "cmdline")).split("\0");
            Path release = Path.of(args[0]).toRealPath().getParent().getParent().resolve("release");
            String version = Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .findFirst().map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", "")).orElse("unknown");
            boolean cached = java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("-XX:AOTCache="));
            return "JDK " + version + (cached ? " with the ahead-of-time cache" : " without an ahead-of-time cache");
        } catch (IOException | RuntimeException e) {
            return "a JDK not found (" + e.getMessage() + ")";
        }
    }
}
