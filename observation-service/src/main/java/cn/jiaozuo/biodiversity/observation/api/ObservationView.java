package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.domain.Datum;
import cn.jiaozuo.biodiversity.observation.domain.Disclosure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Observation", description = "A stored observation as this caller may see it. When coordinatesObscured is"
        + " true (a sensitive species, and the caller is not its observer, a reviewer or an admin) the record is generalized:"
        + " the point is its 0.1° cell centre, uuid is the record's public id, only observedOn gives its time, and observedAt,"
        + " recordedAt, originalDatum, plotCode, method, stationId, notes, observer, source, reviewer, reviewComment and"
        + " reviewedAt are null, media empty: each would narrow the cell down or tie the record to an exact one. Such a"
        + " record is shown from its release on: the next midnight in China after it was recorded.")
public record ObservationView(
        @Schema(required = true, example = "0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21", description = "The record's id; its public id when"
                + " coordinatesObscured (GET /observations/{uuid} answers both, each to whom may use it)") UUID uuid,
        @Schema(required = true, example = "0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21", description = "The id under which those who get the record"
                + " generalized see it (the public, the Darwin Core Archive, observations.public): a keyed pseudonym for"
                + " sensitive species, the uuid itself for the others") UUID publicId,
        @Schema(required = true) SpeciesView species,
        @Schema(required = true, example = "4") int count,
        @Schema(required = true, nullable = true, example = "2025-05-14T06:12:00+08:00", description = "With the offset the client sent; null when"
                + " coordinatesObscured") OffsetDateTime observedAt,
        @Schema(required = true, example = "2025-05-14", description = "The day of observedAt in China (Asia/Shanghai); always set")
        LocalDate observedOn,
        @Schema(required = true, nullable = true, example = "2025-05-14T02:40:11.532Z", description = "Null when coordinatesObscured") Instant recordedAt,
        @Schema(required = true) LocationView location,
        @Schema(required = true, example = "410821") String countyCode,
        @Schema(required = true, nullable = true, example = "410821-01", description = "Sampling plot containing the point; null when coordinatesObscured") String plotCode,
        @Schema(required = true, nullable = true, example = "SIGHTING", description = "Null when coordinatesObscured") String method,
        @Schema(required = true, nullable = true, example = "CT-017", description = "Station that recorded it; null when coordinatesObscured") String stationId,
        @Schema(required = true, nullable = true, example = "Troop of four on the cliff path", description = "Null when none, or when"
                + " coordinatesObscured") String notes,
        @Schema(required = true, description = "Empty when coordinatesObscured") List<MediaView> media,
        @Schema(required = true, nullable = true, example = "ranger-zhang-wei", description = "Subject of the token that recorded it; null when coordinatesObscured")
        String observer,
        @Schema(required = true, nullable = true, example = "RANGER", description = "Null when coordinatesObscured") String source,
        @Schema(required = true, example = "UNVERIFIED") String status,
        @Schema(required = true, nullable = true, example = "reviewer-li", description = "Null until reviewed, or when"
                + " coordinatesObscured") String reviewer,
        @Schema(required = true, nullable = true, description = "Null until reviewed, when the reviewer gave none, or when"
                + " coordinatesObscured") String reviewComment,
        @Schema(required = true, nullable = true, description = "Null until reviewed, or when coordinatesObscured")
        Instant reviewedAt,
        @Schema(required = true, example = "false", description = "True when this caller gets the record generalized (see above)")
        boolean coordinatesObscured) {

    /** A record as {@code ObservationReader} shows it to the caller. */
    static ObservationView of(Disclosure.Shown s) {
        return new ObservationView(s.uuid(), s.publicId(), SpeciesView.of(s.species()), s.count(), s.observedAt(),
                s.observedOn(), s.recordedAt(), new LocationView(s.lat(), s.lon(), s.accuracyM(), Datum.WGS84.name(),
                        s.originalDatum()), s.countyCode(), s.plotCode(), s.method(), s.stationId(), s.notes(),
                s.media().stream().map(m -> new MediaView(m.url(), m.sha256())).toList(), s.observer(), s.source(), s.status(),
                s.reviewer(), s.reviewComment(), s.reviewedAt(), s.generalized());
    }

    @Schema(name = "ObservationLocation", description = "Always WGS-84")
    public record LocationView(
            @Schema(required = true, example = "35.3321") double lat,
            @Schema(required = true, example = "113.3604") double lon,
            @Schema(required = true, nullable = true, example = "12", description = "Metres; null when the client gave"
                    + " none; when coordinatesObscured at least the cell's half-diagonal (≈ 7.2 km), a larger one in whole"
                    + " kilometres") Double accuracyM,
            @Schema(required = true, example = "WGS84", description = "Datum of lat/lon: always WGS84") String datum,
            @Schema(required = true, nullable = true, example = "GCJ02", description = "Datum the client sent; null when coordinatesObscured") String originalDatum) {
    }

    @Schema(name = "ObservationMedia")
    public record MediaView(@Schema(required = true) String url,
            @Schema(required = true, nullable = true, description = "null when the client gave none") String sha256) {
    }
}
