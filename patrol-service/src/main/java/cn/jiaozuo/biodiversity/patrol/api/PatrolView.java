package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.Datum;
import cn.jiaozuo.biodiversity.patrol.domain.Mandate;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolSource;
import cn.jiaozuo.biodiversity.patrol.domain.Transport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Patrol", description = "A patrol. detail FULL (reviewer, bureau, admin, the ranger who recorded it and its team,"
        + " one patrol at a time) carries notes, track, droppedPoints, incidents and candidates; SUMMARY (anyone else allowed,"
        + " and every listing) has them null")
public record PatrolView(
        @Schema(required = true, example = "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f") UUID uuid,
        @Schema(required = true, example = "FULL") Detail detail,
        @Schema(required = true, example = "JSON") PatrolSource source,
        @Schema(required = true, example = "ROUTINE") Mandate mandate,
        @Schema(required = true, example = "FOOT") Transport transport,
        @Schema(required = true, example = "410821") String countyCode,
        @Schema(required = true, example = "[\"ranger-xw-017\", \"ranger-xw-022\"]") List<String> team,
        @Schema(required = true, example = "ranger-xw-017") String recordedBy,
        @Schema(required = true, example = "2025-05-14T04:12:09Z") Instant recordedAt,
        @Schema(required = true, example = "2025-05-13T23:30:00Z") Instant startedAt,
        @Schema(required = true, example = "2025-05-14T04:10:00Z") Instant endedAt,
        @Schema(required = true, example = "WGS84", description = "The datum the points were sent in; all points here are WGS-84") Datum datum,
        @Schema(required = true) EffortView effort,
        @Schema(required = true, example = "1") int incidentCount,
        @Schema(required = true, description = "Effort inside each county, sampling plot and protected area the kept track enters"
                + " (outlines as published by sampling-plot-service; recomputed when they change), by kind and id")
        List<AreaEffortView> areas,
        @Schema(required = true, nullable = true, example = "沿茱萸峰北坡巡护，天气晴") String notes,
        @Schema(required = true, nullable = true) TrackView track,
        @Schema(required = true, nullable = true) List<DroppedPointView> droppedPoints,
        @Schema(required = true, nullable = true) List<IncidentView> incidents,
        @Schema(required = true, nullable = true, description = "GPX waypoints; empty for JSON patrols") List<CandidateView> candidates) {

    /** How much of a patrol a view shows. */
    public enum Detail { FULL, SUMMARY }
}
