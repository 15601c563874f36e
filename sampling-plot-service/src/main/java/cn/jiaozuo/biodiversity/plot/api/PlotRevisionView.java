package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.PlotService;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlotRevision", description = "One state of a plot, as it was after a change")
public record PlotRevisionView(
        @Schema(required = true, example = "2") int revision,
        @Schema(required = true, example = "PlotUpserted", description = "PlotUpserted or PlotRetired") String eventType,
        @Schema(required = true, example = "2025-04-02T08:00:00Z") Instant changedAt,
        @Schema(required = true, example = "admin-zhang") String changedBy,
        @Schema(required = true) PlotView plot) {

    static PlotRevisionView of(PlotService.Revision r) {
        return new PlotRevisionView(r.revision(), r.eventType(), r.changedAt(), r.changedBy(), PlotView.of(r.plot()));
    }
}
