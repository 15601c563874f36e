package cn.jiaozuo.biodiversity.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code PatrolRecorded} on {@link Topics#PATROLS} (key = {@code uuid}): the patrol and its effort, no
 * track (tracks stay in patrol-service; they are large and show where rangers are).
 *
 * @param mandate   ROUTINE, TARGETED, JOINT_ENFORCEMENT or FIRE_WATCH
 * @param transport FOOT, VEHICLE, BOAT or DRONE
 * @param source    JSON or GPX
 */
public record PatrolSnapshot(
        UUID uuid,
        String mandate,
        String transport,
        String countyCode,
        List<String> team,
        String recordedBy,
        Instant recordedAt,
        String source,
        Instant startedAt,
        Instant endedAt,
        double distanceKm,
        double durationHours,
        int incidentCount) {
}
