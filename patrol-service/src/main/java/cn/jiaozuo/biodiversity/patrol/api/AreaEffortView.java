package cn.jiaozuo.biodiversity.patrol.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AreaEffort", description = "Length and time of the track inside one county, sampling plot or protected area."
        + " Pending: the polygons are not in the system yet, so the list is empty (docs/patrols.md)")
public record AreaEffortView(
        @Schema(required = true, enumeration = {"COUNTY", "PLOT", "PROTECTED_AREA"}, example = "PROTECTED_AREA") String kind,
        @Schema(required = true, example = "taihang-macaque-nnr") String id,
        @Schema(required = true, example = "3.204") double distanceKm,
        @Schema(required = true, example = "1.25") double durationHours) {
}
