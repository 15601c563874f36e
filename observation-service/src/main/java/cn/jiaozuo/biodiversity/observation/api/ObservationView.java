package cn.jiaozuo.biodiversity.observation.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Observation", description = "A stored observation as this caller may see it")
public record ObservationView(
        @Schema(example = "0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21") UUID uuid,
        SpeciesView species,
        @Schema(example = "4") int count,
        @Schema(example = "2025-05-14T06:12:00+08:00") OffsetDateTime observedAt,
        @Schema(example = "2025-05-14T02:40:11.532Z") Instant recordedAt,
        LocationView location,
        @Schema(example = "410821") String countyCode,
        @Schema(example = "410821-01", description = "Sampling plot containing the point; null when coordinatesObscured") String plotCode,
        @Schema(example = "SIGHTING") String method,
        @Schema(example = "CT-017", description = "Station that recorded it; null when coordinatesObscured") String stationId,
        @Schema(example = "Troop of four on the cliff path") String notes,
        List<MediaView> media,
        @Schema(example = "ranger-zhang-wei", description = "Subject of the token that recorded it") String observer,
        @Schema(example = "RANGER") String source,
        @Schema(example = "UNVERIFIED") String status,
        @Schema(example = "reviewer-li") String reviewer,
        String reviewComment,
        Instant reviewedAt,
        @Schema(example = "false", description = "True when the point was generalized to its 0.1° cell centre for this caller")
        boolean coordinatesObscured) {

    @Schema(name = "ObservationLocation", description = "Always WGS-84")
    public record LocationView(
            @Schema(example = "35.3321") double lat,
            @Schema(example = "113.3604") double lon,
            @Schema(example = "12") Double accuracyM,
            @Schema(example = "WGS84", description = "Datum of lat/lon: always WGS84") String datum,
            @Schema(example = "GCJ02", description = "Datum the client sent") String originalDatum) {
    }

    @Schema(name = "ObservationMedia")
    public record MediaView(String url, String sha256) {
    }
}
