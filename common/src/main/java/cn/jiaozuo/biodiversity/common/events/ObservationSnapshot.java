package cn.jiaozuo.biodiversity.common.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payload of {@code ObservationRecorded} and {@code ObservationReviewed} on topic
 * {@link Topics#OBSERVATIONS}: the full stored record with its exact WGS-84 point (the topic is
 * internal) and a snapshot of its species.
 *
 * @param source        RANGER or STATION
 * @param status        UNVERIFIED, VERIFIED or REJECTED
 * @param reviewer      subject of the reviewer, null until reviewed
 * @param reviewComment reviewer's comment, null until reviewed
 */
public record ObservationSnapshot(
        UUID uuid,
        SpeciesSnapshot species,
        int count,
        OffsetDateTime observedAt,
        Instant recordedAt,
        GeoPoint location,
        String countyCode,
        String plotCode,
        String method,
        String stationId,
        String observer,
        String source,
        String status,
        String reviewer,
        String reviewComment,
        Instant reviewedAt) {

    /** The Kafka key: all events of one species in one county stay in order on one partition. */
    public String key() {
        return countyCode + ":" + species.id();
    }
}
