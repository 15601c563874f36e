package cn.jiaozuo.biodiversity.observation;

import static org.awaitility.Awaitility.await;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.observation.domain.CountyOutlines;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * County outlines for tests: published on the `geography` topic as sampling-plot-service does, awaited in the index.
 * Outlines are per county code and only Jiaozuo's 10 codes are accepted, so a test sets small squares in the
 * north-east corner of the accepted area (35.55–35.78 N, 113.60–113.98 E), where no other test puts a point, and
 * withdraws them when done ({@link TestOutline#close}).
 */
final class TestOutlines {

    /** updatedAt of each event sent: strictly increasing, so a withdrawal always wins over the outline before it. */
    private static final AtomicLong LAST_MILLIS = new AtomicLong();

    record TestOutline(CountyOutlines index, String countyCode, double lat, double lon, double halfSide)
            implements AutoCloseable {

        /** Withdraws the outline (active false, no geometry) and waits until the index no longer has it. */
        @Override
        public void close() {
            send(key(countyCode), withdrawn(countyCode, UUID.randomUUID(), updatedAt()));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !index.countyOf(lat, lon).equals(Optional.of(countyCode)));
        }
    }

    private TestOutlines() {
    }

    /** A random point in the corner reserved for outline tests, at least 0.02° from its edges. */
    static double[] freePoint() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[] {35.57 + random.nextDouble(0.19), 113.62 + random.nextDouble(0.34)};
    }

    /**
     * Outlines {@code countyCode} as a square of ±{@code halfSide}° around (lat, lon) and waits until the index places
     * {@code probeLat, probeLon} in it (a point no other outline covers).
     */
    static TestOutline outline(CountyOutlines index, String countyCode, double lat, double lon, double halfSide,
            double probeLat, double probeLon) {
        send(key(countyCode), outlined(countyCode, UUID.randomUUID(), square(lat, lon, halfSide), updatedAt()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> index.countyOf(probeLat, probeLon).equals(Optional.of(countyCode)));
        return new TestOutline(index, countyCode, lat, lon, halfSide);
    }

    /** {@link #outline(CountyOutlines, String, double, double, double, double, double)} probed at its centre. */
    static TestOutline outline(CountyOutlines index, String countyCode, double lat, double lon, double halfSide) {
        return outline(index, countyCode, lat, lon, halfSide, lat, lon);
    }

    static Instant updatedAt() {
        return Instant.ofEpochMilli(LAST_MILLIS.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis())));
    }

    /** The record key sampling-plot-service gives a county's outline. */
    static String key(String countyCode) {
        return "COUNTY:" + countyCode;
    }

    static void send(String key, String envelope) {
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.GEOGRAPHY, key, envelope);
        }
    }

    static String square(double lat, double lon, double d) {
        return String.format(Locale.ROOT, "{\"type\": \"Polygon\", \"coordinates\": [[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                lon - d, lat - d, lon + d, lat - d, lon + d, lat + d, lon - d, lat + d, lon - d, lat - d);
    }

    /** An AreaOutlined envelope for a county as sampling-plot-service publishes it (key COUNTY:code). */
    static String outlined(String countyCode, UUID eventId, String geometry, Instant updatedAt) {
        return area("COUNTY", countyCode, countyCode, eventId, geometry, true, updatedAt);
    }

    static String withdrawn(String countyCode, UUID eventId, Instant updatedAt) {
        return area("COUNTY", countyCode, countyCode, eventId, "null", false, updatedAt);
    }

    /** An AreaOutlined envelope. */
    static String area(String kind, String id, String countyCode, UUID eventId, String geometry, boolean active,
            Instant updatedAt) {
        return """
                {"eventId": "%s", "type": "AreaOutlined", "occurredAt": "%s", "source": "sampling-plot-service",
                 "data": {"kind": "%s", "id": "%s", "name": "Test outline", "countyCode": "%s", "geometry": %s,
                          "source": "test", "active": %s, "updatedAt": "%s"}}"""
                .formatted(eventId, updatedAt, kind, id, countyCode, geometry, active, updatedAt);
    }
}
