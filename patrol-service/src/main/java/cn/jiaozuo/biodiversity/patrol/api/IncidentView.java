package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.ActionTaken;
import cn.jiaozuo.biodiversity.patrol.domain.IncidentType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Incident", description = "Something a patrol found, at a WGS-84 point")
public record IncidentView(
        @Schema(required = true, example = "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", description = "Made by the server") UUID uuid,
        @Schema(required = true, example = "SNARE") IncidentType type,
        @Schema(required = true, example = "REMOVED") ActionTaken actionTaken,
        @Schema(required = true, nullable = true, example = "12") Long speciesId,
        @Schema(required = true) LocationView location,
        @Schema(required = true, example = "2025-05-14T01:40:00Z") Instant observedAt,
        @Schema(required = true, example = "3") int count,
        @Schema(required = true, nullable = true, example = "三处钢丝套，已拆除") String notes,
        @Schema(required = true) List<MediaView> media,
        @Schema(required = true, nullable = true, example = "taihang-macaque-nnr",
                description = "The protected area the point lies in, as far as the outlines are known; null outside every one")
        String protectedAreaId) {
}
