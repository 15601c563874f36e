package cn.jiaozuo.biodiversity.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Payload of {@code SurveyRecorded} on {@link Topics#SURVEYS} (key = {@code id}): one survey visit to a
 * sampling plot as sampling-plot-service recorded it. No team and no notes: readers count visits and effort, and
 * names of people stay in the registry.
 *
 * @param id           the survey's id (stable across replays)
 * @param plotCode     the plot visited
 * @param countyCode   the plot's county (GB/T 2260)
 * @param priorityArea the plot's priority area (TAIHANG, YELLOW_RIVER) or null
 * @param visitedOn    the day of the visit (Asia/Shanghai)
 * @param method       the survey method name (e.g. LINE_TRANSECT)
 * @param effortHours  person-hours spent
 * @param recordedAt   when the visit was recorded
 */
public record SurveySnapshot(String id, String plotCode, String countyCode, String priorityArea, LocalDate visitedOn,
        String method, BigDecimal effortHours, Instant recordedAt) {
}
