package cn.jiaozuo.biodiversity.patrol.domain;

import java.time.Instant;
import java.util.List;

/**
 * An incident as the client sent it (coordinates in the patrol's datum). Fields are null where the request lacked
 * them, so that the rules can still report every other mistake of the same request.
 */
public record NewIncident(IncidentType type, ActionTaken actionTaken, Long speciesId, Double lat, Double lon,
        Instant observedAt, Integer count, String notes, List<MediaRef> media) {
}
