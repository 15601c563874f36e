package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.AnimalGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MortalityReportRequest", description = "Animals found dead or sick (疫源疫病监测), as a ranger's app or a"
        + " monitoring station sends it")
public record MortalityReportRequest(
        @Schema(required = true, example = "5d0e7c1a-3b2f-4e6d-9c8b-7a6f5e4d3c2b", description = "Made by the app: the"
                + " same report again is a replay (200), another report under the same uuid a 409") @NotNull UUID uuid,
        @Schema(example = "1042", description = "Catalog species id (observation-service GET /species), when the"
                + " species is known") @Positive Long speciesId,
        @Schema(example = "WATERFOWL", description = "Required unless speciesId names a species this service knows"
                + " (then taken from it: BIRD → OTHER_BIRD)") AnimalGroup group,
        @Schema(required = true, example = "3", description = "Animals found dead") @NotNull @PositiveOrZero
        @Max(100_000) Integer deadCount,
        @Schema(example = "1", description = "Animals found sick; default 0. deadCount + sickCount must be at least 1")
        @PositiveOrZero @Max(100_000) Integer sickCount,
        @Schema(required = true, description = "Where (WGS-84), in Jiaozuo or its surroundings") @NotNull @Valid
        Point point,
        @Schema(required = true, example = "410883", description = "GB/T 2260 code of the Jiaozuo county of the point")
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 code") String countyCode,
        @Schema(required = true, example = "2026-11-28T07:40:00+08:00", description = "When the animals were found;"
                + " not in the future") @NotNull OffsetDateTime observedAt,
        @Schema(example = "头颈扭曲，站立不稳，喙部有分泌物 (twisted necks, unsteady, nasal discharge)")
        @Size(max = 2000) String symptoms,
        @Schema(example = "true", description = "Whether samples were taken on site; default false") Boolean samplesTaken,
        @Schema(example = "mengzhou-wetland-station", description = "The monitoring station (疫源疫病监测站) reporting")
        @Size(max = 100) String stationId) {

    @Schema(name = "MortalityPoint")
    public record Point(
            @Schema(required = true, example = "34.8712") @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @Schema(required = true, example = "112.7801") @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Schema(example = "15", description = "Accuracy in metres") @PositiveOrZero @DecimalMax("100000")
            Double accuracyM) {
    }
}
