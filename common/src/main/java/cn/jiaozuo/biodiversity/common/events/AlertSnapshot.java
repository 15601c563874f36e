package cn.jiaozuo.biodiversity.common.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payload of every alert event on topic {@link Topics#ALERTS} (key = {@code countyCode}): the alert
 * as it is after the change the event names. The location is generalized for sensitive species
 * because this topic leaves the system (subscribers' webhooks).
 *
 * @param rule       INVASIVE_SPECIES, PROTECTED_SPECIES, ENFORCEMENT, FOLLOW_UP_OVERDUE, DISEASE_CLUSTER or
 *                   WILDLIFE_MORTALITY
 * @param speciesId  null (as are the names and group) on an ENFORCEMENT alert whose incident concerns no species
 * @param severity   INFO, MEDIUM, HIGH or CRITICAL
 * @param status     OPEN, ACKNOWLEDGED or RESOLVED
 * @param resolution ERADICATED, CONTAINED, FALSE_ALARM or MONITORING once resolved
 * @param reason     why the alert has its severity (ENFORCEMENT alerts; null for the other rules)
 * @param incident   the patrol's incident behind an ENFORCEMENT alert; null for the other rules
 * @param disease    the mortality reports behind a DISEASE_CLUSTER or WILDLIFE_MORTALITY alert; null for the other rules
 */
public record AlertSnapshot(
        UUID id,
        String rule,
        String severity,
        String status,
        Long speciesId,
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
        Instant updatedAt,
        String reason,
        Incident incident,
        Disease disease) {

    /** Where the alert is; generalized to a 0.1° cell centre when {@code obscured}. */
    public record AlertLocation(double lat, double lon, Double accuracyM, boolean obscured) {
    }

    /**
     * An incident of patrol-service (IncidentSnapshot). On an obscured alert {@code protectedAreaId},
     * {@code patrolUuid} and {@code incidentUuid} are null: they lead to the exact point.
     *
     * @param type        SNARE, TRAP, POACHING, ILLEGAL_LOGGING, ILLEGAL_GRAZING, FIRE, MINING, ILLEGAL_TRADE,
     *                    CARCASS, DISTURBANCE or OTHER
     * @param actionTaken REMOVED, CONFISCATED, REPORTED_TO_POLICE or NONE
     */
    public record Incident(String type, Integer count, String actionTaken, String protectedAreaId, UUID patrolUuid,
            UUID incidentUuid) {
    }

    /**
     * Wildlife disease surveillance (疫源疫病监测) behind a DISEASE_CLUSTER or WILDLIFE_MORTALITY alert.
     *
     * @param reportCount mortality/morbidity reports the alert covers
     * @param deadCount   animals found dead in them
     * @param sickCount   animals found sick in them
     * @param pathogen    the pathogen of a POSITIVE sample result (e.g. H5N1); null while none is positive
     */
    public record Disease(int reportCount, int deadCount, int sickCount, String pathogen) {
    }
}
