package cn.jiaozuo.biodiversity.plot.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlotRevision", description = "One state of a plot, as it was after a change")
public record PlotRevisionResponse(
        @Schema(required = true, example = "2") int revision,
        @Schema(required = true, example = "PlotUpserted", description = "PlotUpserted or PlotRetired") String eventType,
        @Schema(required = true, example = "2025-04-02T08:00:00Z") Instant changedAt,
        @Schema(required = true, example = "admin-zhang") String changedBy,
        @Schema(required = true) PlotResponse plot) {
}
