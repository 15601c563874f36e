package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.IncidentType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IncidentCandidate", description = "A waypoint of an uploaded GPX file: a place the ranger marked, not yet an incident")
public record CandidateView(
        @Schema(required = true, example = "0", description = "Its place among the file's waypoints") int position,
        @Schema(required = true, nullable = true, example = "SNARE 003") String name,
        @Schema(required = true, nullable = true, example = "钢丝套 x3") String description,
        @Schema(required = true, nullable = true, example = "Flag, Red", description = "The unit's symbol (GPX sym)") String symbol,
        @Schema(required = true) LocationView location,
        @Schema(required = true, nullable = true, example = "2025-05-14T01:40:00Z") Instant markedAt,
        @Schema(required = true, nullable = true, example = "SNARE",
                description = "The incident type its GPX type, name or description names, if any") IncidentType suggestedType,
        @Schema(required = true, nullable = true, example = "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                description = "The incident it was confirmed as (POST /patrols/{uuid}/candidates/{position}/incident); null until then")
        UUID incidentUuid) {
}
