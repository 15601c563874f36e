package cn.jiaozuo.biodiversity.alert.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** New parameters of a rule; threshold and window together, or neither (no escalation). */
@Schema(name = "RuleUpdate")
public record RuleUpdateRequest(
        @NotNull @Schema(example = "true", required = true) Boolean enabled,
        @Min(2) @Max(1000) @Schema(nullable = true, example = "5") Integer escalationThreshold,
        @Min(1) @Max(365) @Schema(nullable = true, example = "7") Integer escalationWindowDays) {
}
