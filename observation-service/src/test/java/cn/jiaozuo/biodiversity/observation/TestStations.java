package cn.jiaozuo.biodiversity.observation;

import static org.awaitility.Awaitility.await;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Monitoring stations for tests: registered on the `stations` topic as sampling-plot-service does, bound to
 * the identity that uploads for them, and awaited in intake's copy of the bindings.
 */
final class TestStations {

    private TestStations() {
    }

    /** A fresh station id bound to {@code subject} (e.g. "station-test", "ranger-test"), once intake knows the binding. */
    static String bound(StationBindings stations, String subject) {
        String id = "CT-" + UUID.randomUUID();
        bind(stations, id, subject);
        return id;
    }

    /** Binds {@code stationId} to {@code subject} (null: unbinds it) and waits until intake checks against it. */
    static void bind(StationBindings stations, String stationId, String subject) {
        publish(stationId, subject);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Objects.equals(stations.subjectOf(stationId), subject));
    }

    /** The StationUpserted event alone, without waiting for it (to test eventual consistency). */
    static void publish(String stationId, String subject) {
        String now = Instant.now().toString();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.STATIONS, stationId, """
                    {"eventId": "%s", "type": "StationUpserted", "occurredAt": "%s", "source": "sampling-plot-service",
                     "data": {"id": "%s", "type": "CAMERA_TRAP", "subject": %s, "plotCode": "410882-01", "updatedAt": "%s"}}"""
                    .formatted(UUID.randomUUID(), now, stationId, subject == null ? "null" : "\"" + subject + "\"", now));
        }
    }
}
