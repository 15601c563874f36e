package cn.jiaozuo.biodiversity.common.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code ObservationRecorded} and {@code ObservationReviewed} on topic
 * {@link Topics#OBSERVATIONS_PUBLIC}: the record exactly as the anonymous public API
 * ({@code GET /observations/{uuid}} without a token) shows it. For a sensitive species
 * ({@code generalized} true) that is the 0.1° cell centre and nothing that could narrow it down or
 * tie it to another record: no plot, station, method, source, observer, notes, media, reviewer, no
 * time of day and a pseudonymous {@code uuid}; the same fields are null here.
 *
 * @param uuid        the record's id; for a generalized record a keyed pseudonym of it (stable, the id
 *                    the public API and the Darwin Core Archive use too)
 * @param observedAt  with the client's offset; null when generalized
 * @param observedOn  the day of observedAt in China (Asia/Shanghai), always set
 * @param recordedAt  null when generalized
 * @param location    WGS-84; the cell centre with a widened accuracy and no originalDatum when generalized
 * @param source      RANGER or STATION; null when generalized
 * @param status      UNVERIFIED, VERIFIED or REJECTED
 * @param reviewedAt  null when generalized (as are reviewer and reviewComment)
 */
public record PublicObservation(
        UUID uuid,
        SpeciesSnapshot species,
        int count,
        OffsetDateTime observedAt,
        LocalDate observedOn,
        Instant recordedAt,
        GeoPoint location,
        String countyCode,
        String plotCode,
        String method,
        String stationId,
        String notes,
        List<Media> media,
        String observer,
        String source,
        String status,
        String reviewer,
        String reviewComment,
        Instant reviewedAt,
        boolean generalized) {

    /** A photo or recording link; none for a generalized record. */
    public record Media(String url, String sha256) {
    }

    /** The Kafka key, as on {@link Topics#OBSERVATIONS}: one species in one county stays in order. */
    public String key() {
        return countyCode + ":" + species.id();
    }
}
