package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.domain.ReviewDecision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewRequest")
public record ReviewRequest(
        @Schema(example = "VERIFIED") @NotNull ReviewDecision status,
        @Schema(example = "Rosette pattern visible on frames 3-5") @Size(max = 2000) String comment) {
}
