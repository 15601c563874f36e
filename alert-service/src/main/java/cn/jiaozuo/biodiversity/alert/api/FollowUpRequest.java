package cn.jiaozuo.biodiversity.alert.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FollowUpRequest", description = "A follow-up survey of a case's area")
public record FollowUpRequest(
        @Schema(required = true, example = "9d3c1f0a-3b2e-4f5d-8a7b-1c2d3e4f5a6b", description = "Made by the app: replay"
                + " 200, another survey under the same uuid 409") @NotNull UUID uuid,
        @Schema(required = true, example = "2026-06-26", description = "Local date (Asia/Shanghai), not in the future")
        @NotNull LocalDate surveyedOn,
        @Schema(required = true, example = "false", description = "Whether the species was found in the area") @NotNull Boolean found,
        @Schema(example = "0", description = "Density as the species' survey counts it (e.g. web tents per 100 trees)")
        @PositiveOrZero @DecimalMax("1000000") Double density,
        @Schema(example = "Checked all 12 trees; no webs") @Size(max = 2000) String notes) {
}
