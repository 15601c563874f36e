package cn.jiaozuo.biodiversity.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code IncidentReported} on {@link Topics#PATROLS} (key = {@code patrolUuid}, after its patrol's
 * {@code PatrolRecorded}): one incident with its exact WGS-84 point (the topic is internal).
 *
 * @param type        SNARE, TRAP, POACHING, ILLEGAL_LOGGING, ILLEGAL_GRAZING, FIRE, MINING, ILLEGAL_TRADE, CARCASS,
 *                    DISTURBANCE or OTHER
 * @param actionTaken REMOVED, CONFISCATED, REPORTED_TO_POLICE or NONE
 * @param speciesId   observation-service's species id when the incident concerns one, else null
 * @param media       URLs of photos, videos or recordings
 * @param protectedAreaId the protected area the incident's point lies in, as far as patrol-service knows the
 *                    outlines ({@link Topics#GEOGRAPHY}); null outside every known one
 */
public record IncidentSnapshot(
        UUID uuid,
        UUID patrolUuid,
        String type,
        String actionTaken,
        Long speciesId,
        GeoPoint location,
        Instant observedAt,
        int count,
        String notes,
        List<String> media,
        String countyCode,
        String mandate,
        List<String> team,
        String recordedBy,
        String protectedAreaId) {
}
