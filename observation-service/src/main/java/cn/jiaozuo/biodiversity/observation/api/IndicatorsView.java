package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.domain.Indicators;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Indicators", description = "The plan's monitoring indicators (表1, 行动18–19) for the city or one county;"
        + " rejected observations never count")
public record IndicatorsView(
        @Schema(required = true, example = "410821", description = "\"city\" or the county code") String scope,
        @Schema(required = true) Instant generatedAt,
        @Schema(required = true) Richness speciesRichness,
        @Schema(required = true) List<CountyRichness> richnessByCounty,
        @Schema(required = true, description = "National class I and II species with at least one record in scope, by group")
        List<ProtectedGroup> protectedSpeciesRecorded,
        @Schema(required = true, example = "0.7059", description = "protectedRecorded / protectedInCatalog, 0..1 (see protectionRateDetail)") double protectionRate,
        @Schema(required = true, example = "0.95") double protectionRateTarget,
        @Schema(required = true) ProtectionRateDetail protectionRateDetail,
        @Schema(required = true) NotRecorded notRecordedForYears,
        @Schema(required = true) List<InvasiveDetections> invasiveDetectionsByMonth) {

    static IndicatorsView of(Indicators i) {
        Indicators.ProtectionRate rate = i.protectionRateDetail();
        return new IndicatorsView(i.scope(), i.generatedAt(),
                new Richness(i.speciesRichness().allTime(), i.speciesRichness().last12Months()),
                i.richnessByCounty().stream().map(c -> new CountyRichness(c.countyCode(), c.countyName(), c.allTime(),
                        c.last12Months())).toList(),
                i.protectedSpeciesRecorded().stream().map(g -> new ProtectedGroup(g.group(), seen(g.species()))).toList(),
                i.protectionRate(), i.protectionRateTarget(),
                new ProtectionRateDetail(rate.protectedInCatalog(), rate.protectedRecorded(), rate.windowYears(),
                        rate.sensitiveWithheld()),
                new NotRecorded(i.notRecordedForYears().years(), seen(i.notRecordedForYears().species())),
                i.invasiveDetectionsByMonth().stream().map(d -> new InvasiveDetections(d.countyCode(), d.month(),
                        d.speciesId(), d.chineseName(), d.detections())).toList());
    }

    private static List<SpeciesLastSeen> seen(List<Indicators.SpeciesLastSeen> species) {
        return species.stream().map(s -> new SpeciesLastSeen(s.id(), s.chineseName(), s.scientificName(),
                s.protectionLevel(), s.lastRecordedAt())).toList();
    }

    @Schema(name = "SpeciesRichness", description = "Distinct species recorded")
    public record Richness(@Schema(required = true, example = "27") int allTime, @Schema(required = true, example = "19") int last12Months) {
    }

    @Schema(name = "CountyRichness")
    public record CountyRichness(@Schema(required = true, example = "410821") String countyCode, @Schema(required = true, example = "修武县") String countyName,
            @Schema(required = true, example = "15") int allTime, @Schema(required = true, example = "9") int last12Months) {
    }

    @Schema(name = "ProtectedSpeciesGroup")
    public record ProtectedGroup(@Schema(required = true, example = "MAMMAL") String group, @Schema(required = true) List<SpeciesLastSeen> species) {
    }

    @Schema(name = "SpeciesLastSeen")
    public record SpeciesLastSeen(@Schema(required = true, example = "4") long id, @Schema(required = true, example = "狼") String chineseName,
            @Schema(required = true, example = "Canis lupus") String scientificName, @Schema(required = true, example = "NATIONAL_II") String protectionLevel,
            @Schema(required = true, nullable = true, example = "2019-04-02T05:10:00Z", description = "Latest record in scope; null: never recorded. For"
                    + " sensitive species the start of that record's day in China (their time of day is not published)")
            Instant lastRecordedAt) {
    }

    @Schema(name = "ProtectionRateDetail", description = "National class I and II species of the catalog, and those among"
            + " them recorded inside a sampling plot within the last windowYears years. For callers other than reviewers and"
            + " admins the sensitive species are left out of both (sensitiveWithheld says how many): whether they were"
            + " recorded inside a plot would locate them finer than their county")
    public record ProtectionRateDetail(@Schema(required = true, example = "17") int protectedInCatalog, @Schema(required = true, example = "12") int protectedRecorded,
            @Schema(required = true, example = "3") int windowYears,
            @Schema(required = true, example = "9", description = "Sensitive national class I and II species left out of this rate for this caller; 0 for reviewers and admins")
            int sensitiveWithheld) {
    }

    @Schema(name = "NotRecordedForYears", description = "Early warning: protected species (national I, II and provincial)"
            + " without a record in scope for at least `years` years, or never")
    public record NotRecorded(@Schema(required = true, example = "3") int years, @Schema(required = true) List<SpeciesLastSeen> species) {
    }

    @Schema(name = "InvasiveDetections", description = "Records of an invasive species in a county and month (China time)")
    public record InvasiveDetections(@Schema(required = true, example = "410823") String countyCode, @Schema(required = true, example = "2026-05") String month,
            @Schema(required = true, example = "60") long speciesId, @Schema(required = true, example = "美国白蛾") String chineseName,
            @Schema(required = true, example = "14") long detections) {
    }
}
