package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.AlertRule;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AlertRule")
public record RuleView(
        @Schema(example = "INVASIVE_SPECIES") String id,
        String description,
        @Schema(example = "true") boolean enabled,
        @Schema(example = "5", description = "Observations within the window that escalate an alert to CRITICAL; null: never") Integer escalationThreshold,
        @Schema(example = "7") Integer escalationWindowDays,
        Instant updatedAt,
        @Schema(example = "admin-li") String updatedBy) {

    static RuleView of(AlertRule r) {
        return new RuleView(r.id.name(), r.description, r.enabled, r.escalationThreshold, r.escalationWindowDays,
                r.updatedAt, r.updatedBy);
    }
}
