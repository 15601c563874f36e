package cn.jiaozuo.biodiversity.common.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code ControlCaseOpened} and {@code ControlCaseStatusChanged} on {@link Topics#CONTROL_CASES} (key =
 * {@code id}): an invasive-species control case as alert-service keeps it, without its outline (the point is its
 * centre).
 *
 * @param status         DETECTED, UNDER_CONTROL, CONTROLLED or ERADICATED
 * @param previousStatus the status before a change; null on {@code ControlCaseOpened}
 * @param reason         what changed it (FIRST_ACTION, NEGATIVE_FOLLOW_UP, POSITIVE_FOLLOW_UP, NEGATIVE_STREAK,
 *                       SIGHTING); null on {@code ControlCaseOpened}
 * @param severity       INFO, MEDIUM, HIGH or CRITICAL
 * @param alertId        the invasive-species alert it was opened from; null when opened directly
 */
public record ControlCaseSnapshot(
        UUID id,
        String status,
        String previousStatus,
        String reason,
        long speciesId,
        String scientificName,
        String chineseName,
        String countyCode,
        String severity,
        String responsibleOrg,
        double areaHa,
        double lat,
        double lon,
        UUID alertId,
        LocalDate eradicatedOn,
        Instant openedAt,
        Instant updatedAt) {
}
