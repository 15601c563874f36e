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
                + "; JDK " + System.getProperty("java.version") + "; load generator in the same machine.");
        try (Connection c = config.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            report.line("PostgreSQL " + rs.getString(1) + " on the same machine (fsync on); Kafka 4.1.2 single KRaft node.");
        } catch (Exception e) {
            report.line("PostgreSQL version unknown: " + e.getMessage());
        }
        report.line("");
    }
}
