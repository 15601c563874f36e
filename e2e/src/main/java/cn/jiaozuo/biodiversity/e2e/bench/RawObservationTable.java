package cn.jiaozuo.biodiversity.e2e.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The raw baseline's table: {@code bench_raw_observation}, the same columns and indexes as the service's
 * {@code observation}, created for the raw PostgreSQL phases and dropped after them.
 */
final class RawObservationTable implements AutoCloseable {

    static final String INSERT = "insert into bench_raw_observation (uuid, species_id, individual_count, observed_at,"
            + " observed_offset_s, recorded_at, lat, lon, accuracy_m, original_datum, original_lat, original_lon, county_code,"
            + " method, observer, source, status, content_hash) values (?, 1, 2, ?, 28800, now(), ?, ?, 8, 'WGS84', ?, ?,"
            + " '410811', 'SIGHTING', 'bench', 'RANGER', 'UNVERIFIED', ?)";

    private final BenchConfig config;

    private RawObservationTable(BenchConfig config) {
        this.config = config;
    }

    static RawObservationTable create(BenchConfig config) throws SQLException {
        try (Connection c = config.connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_observation");
            // The same columns and indexes as the service's observation table.
            s.execute("create table bench_raw_observation (like observation including defaults including indexes)");
        }
        return new RawObservationTable(config);
    }

    /** Binds a fresh row (random point and hash) to {@link #INSERT}. */
    static void bind(PreparedStatement insert) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double lat = 35 + random.nextDouble(0.3);
        double lon = 113 + random.nextDouble(0.3);
        insert.setObject(1, UUID.randomUUID());
        insert.setTimestamp(2, Timestamp.from(Instant.now().minusSeconds(600)));
        insert.setDouble(3, lat);
        insert.setDouble(4, lon);
        insert.setDouble(5, lat);
        insert.setDouble(6, lon);
        insert.setString(7, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = config.connect(); Statement s = c.createStatement()) {
            s.execute("drop table bench_raw_observation");
        }
    }
}
