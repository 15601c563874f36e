package cn.jiaozuo.biodiversity.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The Darwin Core Archive streams: 100,000 records are written through a database cursor and read
 * back entry by entry, while the heap is sampled. Prints the figures (a measurement, not a timed
 * assertion); asserts only that every record arrived.
 */
@QuarkusTest
class ExportStreamingMemoryTest {

    private static final int RECORDS = 100_000;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/exports/dwca")
    URI export;

    @Test
    void a_large_archive_streams_with_little_memory() throws Exception {
        // A day of its own in the 1950s, so the archive holds exactly these rows.
        OffsetDateTime day = OffsetDateTime.of(1950 + ThreadLocalRandom.current().nextInt(10), 1 + ThreadLocalRandom.current().nextInt(12),
                1 + ThreadLocalRandom.current().nextInt(28), 0, 0, 0, 0, ZoneOffset.ofHours(8));
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into observation (uuid, species_id, individual_count, observed_at, observed_offset_s, recorded_at, lat, lon,
                  accuracy_m, original_datum, original_lat, original_lon, county_code, method, observer, source, status, content_hash)
                select gen_random_uuid(), case when i % 10 = 0 then 1 else 3 end, 1 + i % 5, ?::timestamptz + i * interval '1 ms', 28800,
                  now(), 35.2 + (i % 1000) * 0.0001, 113.2 + (i % 997) * 0.0001, 10, 'WGS84', 35.2, 113.2, '410821', 'CAMERA_TRAP',
                  'station-bench-' || (i % 20), 'STATION', 'UNVERIFIED', md5(i::text) || md5(i::text)
                from generate_series(1, ?) as i""")) {
            insert.setObject(1, day);
            insert.setInt(2, RECORDS);
            insert.executeUpdate();
        }

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        // Heap sampled every 5 ms while the archive streams.
        java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 5, java.util.concurrent.TimeUnit.MILLISECONDS);

        long started = System.nanoTime();
        String query = "?from=" + URLEncoder.encode(day.toString(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(day.plusDays(1).toString(), StandardCharsets.UTF_8);
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(export + query))
                .header("Authorization", TestTokens.bearer(Roles.BUREAU)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long lines = 0;
        long unpacked = 0;
        long midway = -1;
        try (ZipInputStream zip = new ZipInputStream(response.body())) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                boolean core = entry.getName().equals("occurrence.txt");
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    unpacked += n;
                    if (core) {
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                        if (midway < 0 && lines >= RECORDS / 2) {
                            // Half-way: what the server holds now (after a collection) is what streaming costs.
                            System.gc();
                            midway = memory.getHeapMemoryUsage().getUsed();
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.shutdownNow();
        sampler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);

        System.out.printf("DwC-A export: %,d records, %,d bytes unpacked in %.1f s (%.0f records/s); heap after GC before"
                + " %,d MB, after GC half-way %,d MB (retained %+,d KB); peak sampled %,d MB (includes uncollected garbage)%n",
                RECORDS, unpacked, seconds, RECORDS / seconds, baseline >> 20, midway >> 20, (midway - baseline) >> 10,
                peak.get() >> 20);
        assertEquals(RECORDS + 1, lines, "a header line and every record");
    }
}
