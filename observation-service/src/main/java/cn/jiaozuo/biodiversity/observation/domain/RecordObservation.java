package cn.jiaozuo.biodiversity.observation.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The command to record one observation, as a client (or a Camtrap DP row) gives it: not yet checked.
 * {@link ObservationRules} turns it into a {@link NewObservation} or into violations. Its constraints are the
 * intake's limits, checked for every source of records; {@code api.ObservationRequest} declares the same for the
 * published document ({@code ObservationRequestConstraintsTest} keeps the two alike). Field names are the JSON paths
 * of the request, so violations name what the client sent.
 */
public record RecordObservation(
        UUID uuid,
        Long speciesId,
        @Size(max = 200) String scientificName,
        @NotNull @Min(1) @Max(1_000_000) Integer count,
        @NotNull OffsetDateTime observedAt,
        @NotNull @Valid Location location,
        String countyCode,
        @NotNull ObservationMethod method,
        @Size(max = 100) String stationId,
        @Size(max = 2000) String notes,
        @Size(max = 20) List<@NotNull @Valid MediaRef> media) {

    /** The point as sent; {@code datum} null means WGS84. */
    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @PositiveOrZero @DecimalMax("100000") Double accuracyM,
            Datum datum) {
    }
}
