package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.ActionTaken;
import cn.jiaozuo.biodiversity.patrol.domain.Datum;
import cn.jiaozuo.biodiversity.patrol.domain.IncidentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AddedIncidentRequest", description = "An incident added to a stored patrol: the fields of an incident sent with"
        + " the patrol, and the client's uuid (the idempotency key, made by the app when the ranger noted it)")
public record AddedIncidentRequest(
        @Schema(required = true, example = "0b6f1c2a-3d4e-4f50-8a9b-1c2d3e4f5a6b",
                description = "Made by the app: the same incident sent again is a replay") @NotNull UUID uuid,
        @Schema(required = true, example = "SNARE") @NotNull IncidentType type,
        @Schema(example = "REMOVED", description = "NONE when absent") ActionTaken actionTaken,
        @Schema(example = "12", description = "observation-service's species id, when the incident concerns a species (a snared 林麝)")
        @Positive Long speciesId,
        @Schema(example = "WGS84", description = "Datum of location; WGS84 when absent") Datum datum,
        @Schema(required = true) @NotNull @Valid LocationRequest location,
        @Schema(required = true, example = "2025-05-14T09:40:00+08:00", description = "Within the patrol's startedAt–endedAt")
        @NotNull OffsetDateTime observedAt,
        @Schema(example = "3", description = "How many (snares, traps, felled trees …); 1 when absent", minimum = "1", maximum = "100000")
        @Min(1) @Max(100_000) Integer count,
        @Schema(example = "三处钢丝套，已拆除") @Size(max = 2000) String notes,
        @Schema(description = "At most 20 files") @Size(max = 20) List<@NotNull @Valid MediaRequest> media) {
}
