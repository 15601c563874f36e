package cn.jiaozuo.biodiversity.patrol.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PatrolEffort", description = "What the patrol's cleaned track adds up to")
public record EffortView(
        @Schema(required = true, example = "11.482", description = "Geodesic length (WGS-84 ellipsoid) of the kept track, km to the metre") double distanceKm,
        @Schema(required = true, example = "4.667", description = "endedAt − startedAt in hours") double durationHours,
        @Schema(required = true, example = "2804", description = "Points received") int trackPoints,
        @Schema(required = true, example = "2801", description = "Points the distance is measured on") int keptPoints,
        @Schema(required = true, example = "3", description = "Points left out (see droppedPoints in the full view)") int droppedPoints,
        @Schema(required = true, example = "0", description = "Jumps the track never came back from: the line was split there and the jump not counted") int splits,
        @Schema(required = true, example = "true", description = "Whether the points had times, so GPS spikes could be judged by speed") boolean speedChecked,
        @Schema(required = true, example = "15", description = "The transport's top speed used to judge spikes, km/h") double maxSpeedKmh) {
}
