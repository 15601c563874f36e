package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.AlertRule;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AlertRule")
public record RuleView(
        @Schema(required = true, example = "INVASIVE_SPECIES") String id,
        @Schema(required = true) String description,
        @Schema(required = true, example = "true") boolean enabled,
        @Schema(required = true, nullable = true, example = "5", description = "Observations within the window that escalate an alert to CRITICAL; null: never") Integer escalationThreshold,
        @Schema(required = true, nullable = true, example = "7") Integer escalationWindowDays,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, example = "admin-li") String updatedBy) {

    static RuleView of(AlertRule r) {
        return new RuleView(r.id.name(), r.description, r.enabled, r.escalationThreshold, r.escalationWindowDays,
                r.updatedAt, r.updatedBy);
    }
}
