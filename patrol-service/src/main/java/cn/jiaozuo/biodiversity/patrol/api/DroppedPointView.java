package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.DropReason;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DroppedPoint", description = "A track point left out of the effort, addressed as sent")
public record DroppedPointView(
        @Schema(required = true, example = "0", description = "Line of the MultiLineString (0 for a LineString), or GPX trkseg in file order") int segment,
        @Schema(required = true, example = "41", description = "Position within that line") int index,
        @Schema(required = true) LocationView location,
        @Schema(required = true, nullable = true, example = "2025-05-14T00:12:40Z") Instant time,
        @Schema(required = true, example = "SPEED") DropReason reason) {
}
