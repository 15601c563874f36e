package cn.jiaozuo.biodiversity.common.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payload of every alert event on topic {@link Topics#ALERTS} (key = {@code countyCode}): the alert
 * as it is after the change the event names. The location is generalized for sensitive species
 * because this topic leaves the system (subscribers' webhooks).
 *
 * @param rule       INVASIVE_SPECIES or PROTECTED_SPECIES
 * @param severity   INFO, MEDIUM, HIGH or CRITICAL
 * @param status     OPEN, ACKNOWLEDGED or RESOLVED
 * @param resolution ERADICATED, CONTAINED, FALSE_ALARM or MONITORING once resolved
 */
public record AlertSnapshot(
        UUID id,
        String rule,
        String severity,
        String status,
        long speciesId,
        String scientificName,
        String chineseName,
        String speciesGroup,
        String countyCode,
        String plotCode,
        int observationCount,
        OffsetDateTime firstObservedAt,
        OffsetDateTime lastObservedAt,
        AlertLocation location,
        String resolution,
        String notes,
        Instant createdAt,
        Instant updatedAt) {

    /** Where the alert is; generalized to a 0.1° cell centre when {@code obscured}. */
    public record AlertLocation(double lat, double lon, Double accuracyM, boolean obscured) {
    }
}
