package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.ActionTaken;
import cn.jiaozuo.biodiversity.patrol.domain.IncidentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CandidateConfirmation", description = "What a GPX waypoint was: the incident takes the waypoint's point and time")
public record CandidateConfirmationRequest(
        @Schema(required = true, example = "SNARE") @NotNull IncidentType type,
        @Schema(example = "REMOVED", description = "NONE when absent") ActionTaken actionTaken,
        @Schema(example = "12", description = "observation-service's species id, when the incident concerns a species")
        @Positive Long speciesId,
        @Schema(example = "3", description = "1 when absent", minimum = "1", maximum = "100000") @Min(1) @Max(100_000) Integer count,
        @Schema(example = "三处钢丝套，已拆除") @Size(max = 2000) String notes,
        @Schema(description = "At most 20 files") @Size(max = 20) List<@NotNull @Valid MediaRequest> media) {
}
