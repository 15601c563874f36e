package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.domain.ObservationMethod;
import cn.jiaozuo.biodiversity.observation.domain.RecordObservation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ObservationRequest", description = "One sighting. Give speciesId or scientificName. countyCode may be omitted"
        + " when the point lies in a sampling plot, which then supplies it, or else in exactly one county outline (coarse"
        + " outlines: near a boundary none or two may cover the point, and then countyCode must be given). A given"
        + " countyCode is always kept.")
public record ObservationRequest(
        @Schema(example = "0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21", description = "Client-generated idempotency key; the server makes one when absent")
        UUID uuid,
        @Schema(example = "3") Long speciesId,
        @Schema(example = "Macaca mulatta") @Size(max = 200) String scientificName,
        @Schema(example = "4", minimum = "1", maximum = "1000000") @NotNull @Min(1) @Max(1_000_000) Integer count,
        @Schema(example = "2025-05-14T06:12:00+08:00", description = "ISO-8601 with offset; at most 5 minutes in the future")
        @NotNull OffsetDateTime observedAt,
        @NotNull @Valid LocationRequest location,
        @Schema(example = "410821", description = "GB/T 2260 code of one of Jiaozuo's 10 county-level divisions") String countyCode,
        @Schema(example = "SIGHTING") @NotNull ObservationMethod method,
        @Schema(example = "CT-017", description = "The uploading station: it must be registered in sampling-plot-service and"
                + " bound to this token's subject (admins may name any station), else a violation on stationId")
        @Size(max = 100) String stationId,
        @Schema(example = "Troop of four on the cliff path") @Size(max = 2000) String notes,
        @Size(max = 20) List<@NotNull @Valid MediaRequest> media) {

    /**
     * The domain's command. Not validated here: {@code ObservationRules} checks the command against the same
     * constraints (declared on both, for the document and for every source of records), with the intake's other rules.
     */
    public RecordObservation toCommand() {
        return new RecordObservation(uuid, speciesId, scientificName, count, observedAt,
                location == null ? null : location.toLocation(), countyCode, method, stationId, notes,
                media == null ? null : media.stream().map(m -> m == null ? null : m.toMedia()).toList());
    }
}
