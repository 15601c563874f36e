package cn.jiaozuo.biodiversity.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw baseline of what one accepted sighting must at least cost PostgreSQL: a transaction of two inserts (the
 * observation row and its outbox row, the same shapes and indexes as the service's tables), from {@code pgbench}
 * (C, PostgreSQL's own) with {@code clients} connections. The service writes a second outbox row (the public event),
 * so this baseline is kind to the raw side.
 */
record PgbenchTwoInsertBenchmark(BenchConfig config, Report report) {

    private static final String SCRIPT = """
            \\set dlat random(0, 300000)
            \\set dlon random(0, 300000)
            BEGIN;
            INSERT INTO bench_raw_observation (uuid, species_id, individual_count, observed_at, observed_offset_s, recorded_at,
              lat, lon, accuracy_m, original_datum, original_lat, original_lon, county_code, method, observer, source, status,
              content_hash)
              VALUES (gen_random_uuid(), 1, 2, now() - interval '10 minutes', 28800, now(), 35 + :dlat / 1e6,
              113 + :dlon / 1e6, 8, 'WGS84', 35 + :dlat / 1e6, 113 + :dlon / 1e6, '410811', 'SIGHTING', 'bench', 'RANGER',
              'UNVERIFIED', md5(random()::text));
            INSERT INTO bench_raw_outbox (event_id, topic, event_key, event_type, payload, created_at)
              VALUES (gen_random_uuid(), 'observations', '410811:1', 'ObservationRecorded', repeat('x', 1200), now());
            END;
            """;

    /** Transactions per second. */
    double run() throws IOException, InterruptedException, SQLException {
        try (Connection c = config.connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_outbox");
            s.execute("create table bench_raw_outbox (like outbox_event including defaults including indexes)");
        }
        Path script = Files.createTempFile("bench-two-inserts", ".sql");
        Files.writeString(script, SCRIPT);
        URI db = URI.create(config.jdbc().substring("jdbc:".length()));
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(pgbench(), "-n", "-f", script.toString(),
                    "-c", Integer.toString(config.clients()), "-j", "2", "-T", Integer.toString(config.seconds()),
                    "-h", db.getHost(), "-p", Integer.toString(db.getPort()), "-U", "biodiversity",
                    db.getPath().substring(1))).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", "biodiversity");
            Process pgbench = builder.start();
            String out = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            pgbench.waitFor(2, TimeUnit.MINUTES);
            Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("pgbench printed no tps:\n" + out);
            }
            double tps = Double.parseDouble(m.group(1));
            report.line("- PostgreSQL transaction of two inserts (observation + outbox row), `pgbench` " + config.clients()
                    + " connections: **" + Report.fmt(tps) + " transactions/s**");
            return tps;
        } finally {
            Files.deleteIfExists(script);
            try (Connection c = config.connect(); Statement s = c.createStatement()) {
                s.execute("drop table bench_raw_outbox");
            }
        }
    }

    /** pgbench on the PATH, else in PostgreSQL's own bin folder (Debian keeps it there). */
    private static String pgbench() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pgbench"))) {
                return Path.of(dir, "pgbench").toString();
            }
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (var versions = Files.list(lib)) {
                for (Path v : versions.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (Files.isExecutable(v.resolve("bin/pgbench"))) {
                        return v.resolve("bin/pgbench").toString();
                    }
                }
            }
        }
        throw new IllegalStateException("pgbench is missing (it comes with PostgreSQL's packages)");
    }
}
