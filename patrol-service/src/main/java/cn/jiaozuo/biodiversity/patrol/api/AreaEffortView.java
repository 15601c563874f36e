package cn.jiaozuo.biodiversity.patrol.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AreaEffort", description = "Length and time of the kept track inside one county, sampling plot or protected area,"
        + " as far as their outlines are known (docs/patrols.md)")
public record AreaEffortView(
        @Schema(required = true, enumeration = {"COUNTY", "PLOT", "PROTECTED_AREA"}, example = "PROTECTED_AREA") String kind,
        @Schema(required = true, example = "taihang-macaque-nnr", description = "GB/T 2260 code, plot code or protected-area id") String id,
        @Schema(required = true, example = "太行山猕猴国家级自然保护区") String name,
        @Schema(required = true, example = "3.204", description = "Geodesic length of the kept track inside, km to the metre") double distanceKm,
        @Schema(required = true, example = "1.25", description = "Time inside from the track's point times; 0 for a track without times")
        double durationHours) {
}
