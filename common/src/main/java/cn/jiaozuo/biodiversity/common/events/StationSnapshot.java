package cn.jiaozuo.biodiversity.common.events;

import java.time.Instant;

/**
 * Payload of {@code StationUpserted} on the compacted topic {@link Topics#STATIONS} (key = {@code id}):
 * a monitoring station as the registry of sampling-plot-service holds it after the change. It carries
 * no point and no last-seen time: consumers only need to know which identity may upload as the station.
 *
 * @param id        the {@code stationId} its uploads carry
 * @param type      CAMERA_TRAP or ACOUSTIC
 * @param subject   the token subject ({@code sub} claim) the station uploads with; null while unbound
 * @param plotCode  the plot it stands on
 * @param updatedAt when this state was written; a consumer never lets an older state replace a newer one
 */
public record StationSnapshot(String id, String type, String subject, String plotCode, Instant updatedAt) {
}
