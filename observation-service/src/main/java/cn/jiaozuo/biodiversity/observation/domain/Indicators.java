package cn.jiaozuo.biodiversity.observation.domain;

import java.time.Instant;
import java.util.List;

/**
 * The plan's monitoring indicators for the city or one county ({@link IndicatorService}; definitions in
 * docs/data-publishing.md). {@code scope} is "city" or the county code.
 */
public record Indicators(String scope, Instant generatedAt, Richness speciesRichness, List<CountyRichness> richnessByCounty,
        List<ProtectedGroup> protectedSpeciesRecorded, double protectionRate, double protectionRateTarget,
        ProtectionRate protectionRateDetail, NotRecorded notRecordedForYears, List<InvasiveDetections> invasiveDetectionsByMonth) {

    /** Distinct species recorded. */
    public record Richness(int allTime, int last12Months) {
    }

    public record CountyRichness(String countyCode, String countyName, int allTime, int last12Months) {
    }

    /** National class I and II species recorded in scope, of one group. */
    public record ProtectedGroup(String group, List<SpeciesLastSeen> species) {
    }

    /** {@code lastRecordedAt} null: never recorded in scope. */
    public record SpeciesLastSeen(long id, String chineseName, String scientificName, String protectionLevel,
            Instant lastRecordedAt) {
    }

    /** What the protection rate counts, and how many sensitive species it leaves out for this caller. */
    public record ProtectionRate(int protectedInCatalog, int protectedRecorded, int windowYears, int sensitiveWithheld) {
    }

    /** Early warning: protected species without a record in scope for at least {@code years} years, or never. */
    public record NotRecorded(int years, List<SpeciesLastSeen> species) {
    }

    /** Records of an invasive species in a county and month (China time). */
    public record InvasiveDetections(String countyCode, String month, long speciesId, String chineseName, long detections) {
    }
}
