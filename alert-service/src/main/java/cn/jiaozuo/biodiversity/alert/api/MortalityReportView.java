package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.Alert;
import cn.jiaozuo.biodiversity.alert.domain.MortalityReport;
import cn.jiaozuo.biodiversity.alert.domain.MortalityReportService;
import cn.jiaozuo.biodiversity.alert.domain.MortalitySample;
import cn.jiaozuo.biodiversity.common.geo.Geoprivacy;
import cn.jiaozuo.biodiversity.common.security.Caller;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A mortality report as the API shows it; {@code samples} only on GET /mortality-reports/{id} and the writes. A report
 * of a sensitive species is generalized for callers other than reviewers, admins and its reporter: the 0.1° cell,
 * times to the hour, its public id (a time-based client uuid carries the moment), no reporter, station, symptoms or
 * sample handlers (people and free text lead to the exact place).
 */
@Schema(name = "MortalityReport")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MortalityReportView(
        @Schema(required = true, example = "5d0e7c1a-3b2f-4e6d-9c8b-7a6f5e4d3c2b", description = "The client's uuid;"
                + " a random public id when location.obscured") UUID id,
        @Schema(example = "1042") Long speciesId,
        @Schema(example = "Anas platyrhynchos", description = "Absent when the species is unknown to this service")
        String scientificName,
        @Schema(example = "绿头鸭") String chineseName,
        @Schema(required = true, example = "WATERFOWL", enumeration = {"WATERFOWL", "OTHER_BIRD", "MAMMAL", "REPTILE",
                "AMPHIBIAN", "FISH", "OTHER"}) String group,
        @Schema(required = true, example = "3") int deadCount,
        @Schema(required = true, example = "1") int sickCount,
        @Schema(required = true) Location location,
        @Schema(required = true, example = "410883") String countyCode,
        @Schema(required = true, example = "2026-11-28T07:40:00+08:00", description = "To the hour when"
                + " location.obscured") OffsetDateTime observedAt,
        @Schema(example = "头颈扭曲，站立不稳 (twisted necks, unsteady)", description = "Absent when"
                + " location.obscured (free text may name the place)") String symptoms,
        @Schema(required = true, example = "true") boolean samplesTaken,
        @Schema(example = "ranger-wang", description = "Token subject of the sender; absent when location.obscured")
        String reporter,
        @Schema(example = "mengzhou-wetland-station", description = "Absent when location.obscured") String stationId,
        @Schema(example = "6f1c2a0e-2d7b-4c7e-9a55-3f0f3c1d2b11", description = "The live or past DISEASE_CLUSTER"
                + " alert the report belongs to") UUID clusterAlertId,
        @Schema(example = "9b1e4f2a-6c3d-4e5f-8a7b-2c1d0e9f8a7b", description = "The report's own WILDLIFE_MORTALITY"
                + " alert (a protected species' carcass, or a POSITIVE sample)") UUID mortalityAlertId,
        @Schema(required = true, description = "To the hour when location.obscured") Instant recordedAt,
        @Schema(description = "Samples sent to labs, oldest first (GET /mortality-reports/{id} and the writes)")
        List<Sample> samples) {

    @Schema(name = "MortalityReportLocation")
    public record Location(
            @Schema(required = true, example = "34.8712") double lat,
            @Schema(required = true, example = "112.7801") double lon,
            @Schema(required = true, nullable = true, example = "15") Double accuracyM,
            @Schema(required = true, example = "false", description = "True when lat/lon are the centre of the 0.1°"
                    + " cell (a sensitive species, caller not entitled to the point)") boolean obscured) {
    }

    @Schema(name = "MortalitySample")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sample(
            @Schema(required = true, example = "JZ-2026-H-0117") String sampleId,
            @Schema(required = true, example = "河南省动物疫病预防控制中心") String lab,
            @Schema(required = true, example = "2026-11-28T07:00:00Z", description = "To the hour when the report's"
                    + " location.obscured") Instant sentAt,
            @Schema(required = true, example = "POSITIVE", enumeration = {"PENDING", "NEGATIVE", "POSITIVE"}) String result,
            @Schema(example = "H5N1") String pathogen,
            @Schema(example = "2026-11-30") LocalDate resultDate,
            @Schema(example = "bureau-zhang", description = "Who entered the latest state; absent when the report's"
                    + " location.obscured (whoever took the sample was at the place)") String updatedBy,
            @Schema(required = true, description = "To the hour when the report's location.obscured") Instant updatedAt) {
    }

    static MortalityReportView summary(MortalityReport r, Caller caller) {
        return of(r, caller, null);
    }

    static MortalityReportView detail(MortalityReportService.Detail d, Caller caller) {
        return of(d.report(), caller, d.samples());
    }

    private static MortalityReportView of(MortalityReport r, Caller caller, List<MortalitySample> samples) {
        boolean exact = r.exactFor(caller);
        Location location;
        if (exact) {
            location = new Location(r.lat, r.lon, r.accuracyM, false);
        } else {
            Geoprivacy.GeneralizedPoint cell = Geoprivacy.generalize(r.lat, r.lon, r.accuracyM);
            location = new Location(cell.lat(), cell.lon(), cell.accuracyM(), true);
        }
        return new MortalityReportView(r.idFor(caller), r.speciesId, r.scientificName, r.chineseName,
                r.animalGroup.name(), r.deadCount, r.sickCount, location, r.countyCode,
                exact ? r.observedAt : r.listedObservedAt, exact ? r.symptoms : null, r.samplesTaken,
                exact ? r.reporter : null, exact ? r.stationId : null, r.clusterAlertId, r.mortalityAlertId,
                exact ? r.recordedAt : r.listedAt,
                samples == null ? null : samples.stream().map(s -> new Sample(s.sampleId, s.lab, coarse(s.sentAt, exact),
                        s.result.name(), s.pathogen, s.resultDate, exact ? s.updatedBy : null,
                        coarse(s.updatedAt, exact))).toList());
    }

    private static Instant coarse(Instant t, boolean exact) {
        return exact ? t : t.truncatedTo(Alert.SENSITIVE_TIME_UNIT);
    }
}
