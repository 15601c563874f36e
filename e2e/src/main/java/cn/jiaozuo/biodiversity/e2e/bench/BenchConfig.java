package cn.jiaozuo.biodiversity.e2e.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the stack is and how long each phase runs, from system properties ({@code deploy/local/stack bench}
 * passes the e2e stack's; {@code JAVA_TOOL_OPTIONS="-Dbench.seconds=30 ..."} changes the rest).
 *
 * @param stackVar the stack's folder of logs and pids
 * @param warmUpSeconds long enough for the JIT to finish with the intake path: a service runs for weeks, not seconds
 * @param batchWarmUpSeconds the same for the batch path, before its phase ({@code bench.batch-warm-up-seconds})
 * @param jfr where to write a JFR recording of each JVM of the stack during the closed-loop and batch phases ({@code bench.jfr}); none
 *            when null
 */
record BenchConfig(Path repository, Path stackVar, String observations, String kafka, String jdbc, int seconds, int clients,
        int warmUpSeconds, int batchWarmUpSeconds, Path jfr) {

    static BenchConfig fromSystemProperties() {
        Path repository = Path.of(System.getProperty("bench.repository", ".")).toAbsolutePath().normalize();
        return new BenchConfig(repository, repository.resolve(System.getProperty("bench.stack-var", "deploy/local/var/e2e")),
                System.getProperty("bench.observation-url", "http://127.0.0.1:18081"),
                System.getProperty("bench.kafka", "127.0.0.1:19092"),
                System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:15432/biodiversity_observation_e2e"),
                Integer.getInteger("bench.seconds", 10), Integer.getInteger("bench.clients", 16),
                Integer.getInteger("bench.warm-up-seconds", 60), Integer.getInteger("bench.batch-warm-up-seconds", 20),
                System.getProperty("bench.jfr") == null ? null : Path.of(System.getProperty("bench.jfr")).toAbsolutePath());
    }

    /** A connection to observation-service's database (the raw baseline's tables live there). */
    Connection connect() throws SQLException {
        return connect(jdbc);
    }

    static Connection connect(String jdbc) throws SQLException {
        return DriverManager.getConnection(jdbc, "biodiversity", "biodiversity");
    }
}
