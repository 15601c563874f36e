package cn.jiaozuo.biodiversity.patrol.domain;

import java.util.Map;

/**
 * One group of the effort report: patrols, their kilometres and hours, and their incidents by type (every type,
 * zero included).
 */
public record EffortGroup(String key, int patrols, double distanceKm, double hours, Map<IncidentType, Integer> incidentsByType) {
}
