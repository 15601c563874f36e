package cn.jiaozuo.biodiversity.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire does not pick up *Measurement): the batch path against raw 1000-row JDBC batches into a table
 * like {@code observation} (with its trigger), in one JVM and one database, one client each, as
 * {@code deploy/local/stack bench} compares them but without the rest of the stack. Run with
 * {@code -Dtest=BatchIntakeMeasurement}; {@code -Dmeasure.jfr=/tmp/batch.jfr} also records a profile of the measured
 * service phase. Prints its figures; asserts only that every item was accepted.
 */
@QuarkusTest
class BatchIntakeMeasurement {

    private static final int ITEMS = 1000;

    @TestHTTPResource("/observations/batch")
    URI batch;

    @Inject
    AgroalDataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void batch_intake_against_raw_batch_inserts() throws Exception {
        int warmUp = Integer.getInteger("measure.warm-up", 30);
        int batches = Integer.getInteger("measure.batches", 20);
        String bearer = TestTokens.bearer(Roles.STATION, "station-" + UUID.randomUUID());
        for (int b = 0; b < warmUp; b++) {
            post(body(), bearer);
            raw(1);
        }
        double rawRate = raw(batches);
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            bodies.add(body());
        }
        String jfr = System.getProperty("measure.jfr");
        Recording recording = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"));
        if (recording != null) {
            recording.start();
        }
        long start = System.nanoTime();
        for (String body : bodies) {
            post(body, bearer);
        }
        double serviceRate = batches * ITEMS / ((System.nanoTime() - start) / 1e9);
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(jfr));
            recording.close();
        }
        double rawAfter = raw(batches);
        System.out.printf("MEASURED raw %.0f rows/s (before) %.0f rows/s (after), service %.0f observations/s = %.1f %% of"
                + " their mean%n", rawRate, rawAfter, serviceRate, 100 * serviceRate / ((rawRate + rawAfter) / 2));
    }

    private void post(String body, String bearer) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(batch).header("Authorization", bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(true, response.body().startsWith("{\"accepted\":" + ITEMS + ","), response.body().substring(0, 80));
    }

    /** The bench's ordinary sighting (e2e LoadGenerator): a grey heron in 山阳区 five minutes ago. */
    private static String body() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < ITEMS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"uuid\":\"").append(UUID.randomUUID())
                    .append("\",\"scientificName\":\"Ardea cinerea\",\"count\":").append(1 + random.nextInt(5))
                    .append(",\"observedAt\":\"").append(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5))
                    .append("\",\"location\":{\"lat\":").append(35.0 + random.nextDouble(0.3)).append(",\"lon\":")
                    .append(113.0 + random.nextDouble(0.3))
                    .append(",\"accuracyM\":8},\"countyCode\":\"410811\",\"method\":\"SIGHTING\",\"notes\":\"bench\"}");
        }
        return body.append("]}").toString();
    }

    /** The bench's raw baseline (e2e RawBatchBenchmark): rows/s of {@code batches} 1000-row JDBC batches. */
    private double raw(int batches) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists measure_raw_observation (like observation including defaults including indexes)");
            s.execute("create or replace trigger measure_raw_listed before insert on measure_raw_observation"
                    + " for each row execute function observation_listed_position()");
        }
        String insert = "insert into measure_raw_observation (uuid, species_id, individual_count, observed_at,"
                + " observed_offset_s, recorded_at, lat, lon, accuracy_m, original_datum, original_lat, original_lon, county_code,"
                + " method, observer, source, status, content_hash) values (?, 1, 2, ?, 28800, now(), ?, ?, 8, 'WGS84', ?, ?,"
                + " '410811', 'SIGHTING', 'bench', 'RANGER', 'UNVERIFIED', ?)";
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(insert)) {
            c.setAutoCommit(false);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int b = 0; b < batches; b++) {
                for (int i = 0; i < ITEMS; i++) {
                    double lat = 35 + random.nextDouble(0.3);
                    double lon = 113 + random.nextDouble(0.3);
                    statement.setObject(1, UUID.randomUUID());
                    statement.setTimestamp(2, Timestamp.from(Instant.now().minusSeconds(600)));
                    statement.setDouble(3, lat);
                    statement.setDouble(4, lon);
                    statement.setDouble(5, lat);
                    statement.setDouble(6, lon);
                    statement.setString(7, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
                    statement.addBatch();
                }
                statement.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
        }
        return batches * ITEMS / ((System.nanoTime() - start) / 1e9);
    }
}
