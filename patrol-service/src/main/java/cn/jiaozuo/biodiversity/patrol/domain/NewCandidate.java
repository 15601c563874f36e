package cn.jiaozuo.biodiversity.patrol.domain;

import java.time.Instant;

/** A GPX waypoint as read from the file (coordinates in the patrol's datum). */
public record NewCandidate(String name, String description, String symbol, double lat, double lon, Instant markedAt,
        IncidentType suggestedType) {
}
