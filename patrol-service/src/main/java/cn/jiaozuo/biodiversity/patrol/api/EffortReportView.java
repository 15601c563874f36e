package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.EffortGrouping;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EffortReport", description = "Patrol effort of the patrols that started in [from, to), grouped")
public record EffortReportView(
        @Schema(required = true, example = "2025-04-30T16:00:00Z") Instant from,
        @Schema(required = true, example = "2025-05-31T16:00:00Z") Instant to,
        @Schema(required = true, example = "county") EffortGrouping groupBy,
        @Schema(required = true, description = "In key order; groups without patrols are left out") List<EffortGroupView> groups,
        @Schema(required = true, description = "All patrols of the window once (with groupBy=ranger a patrol counts in each member's group)")
        EffortGroupView total) {
}
