package cn.jiaozuo.biodiversity.patrol;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Areas for tests, published as sampling-plot-service publishes them: plots on {@code plots} (PlotUpserted,
 * PlotRetired), county and protected-area outlines on {@code geography} (AreaOutlined). Each publish returns its event
 * id; {@link #applied} tells when the consumer has processed it (the processed-event row commits with the effect, so an
 * event that changed nothing is seen as processed too).
 */
final class TestAreas {

    static final String PLOTS_CONSUMER = "patrol-plot-read-model";
    static final String GEOGRAPHY_CONSUMER = "patrol-geography-read-model";

    private TestAreas() {
    }

    /** A GeoJSON Polygon of the box [south, north] × [west, east]. */
    static String box(double south, double north, double west, double east) {
        return String.format(Locale.ROOT, "{\"type\": \"Polygon\", \"coordinates\": [[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}",
                west, south, east, south, east, north, west, north, west, south);
    }

    /** An AreaOutlined event; {@code geometry} null (and active false) withdraws the outline. */
    static UUID outline(String kind, String id, String name, String countyCode, String geometry, boolean active, Instant updatedAt) {
        UUID eventId = UUID.randomUUID();
        send(Topics.GEOGRAPHY, kind + ":" + id, """
                {"eventId": "%s", "type": "AreaOutlined", "occurredAt": "%s", "source": "sampling-plot-service",
                 "data": {"kind": "%s", "id": "%s", "name": "%s", "countyCode": %s, "geometry": %s,
                          "source": "test outline", "active": %s, "updatedAt": "%s"}}"""
                .formatted(eventId, Instant.now(), kind, id, name, countyCode == null ? "null" : "\"" + countyCode + "\"",
                        geometry == null ? "null" : geometry, active, updatedAt));
        return eventId;
    }

    /** A PlotUpserted (status ACTIVE) or PlotRetired (RETIRED) event. */
    static UUID plot(String code, String countyCode, String geometry, boolean retired, Instant updatedAt) {
        UUID eventId = UUID.randomUUID();
        send(Topics.PLOTS, code, """
                {"eventId": "%s", "type": "%s", "occurredAt": "%s", "source": "sampling-plot-service",
                 "data": {"code": "%s", "name": "Test plot %s", "countyCode": "%s", "priorityArea": null,
                          "ecosystem": "FOREST", "methods": ["LINE_TRANSECT"], "status": "%s",
                          "geometry": %s, "areaHa": 100.0, "protectedAreaId": null,
                          "establishedOn": "2025-03-01", "surveyIntervalDays": 90, "updatedAt": "%s"}}"""
                .formatted(eventId, retired ? "PlotRetired" : "PlotUpserted", Instant.now(), code, code, countyCode,
                        retired ? "RETIRED" : "ACTIVE", geometry, updatedAt));
        return eventId;
    }

    static void send(String topic, String key, String value) {
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(topic, key, value);
        }
    }

    /** Whether {@code consumer} has applied (or passed over as older) the event. */
    static boolean applied(EntityManager em, String consumer, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).getResultList().isEmpty());
    }
}
