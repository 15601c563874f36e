package cn.jiaozuo.biodiversity.bulletin.domain;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A bulletin's content as numbers and sentences, stored as generated (JSON) and rendered to HTML from it. Each
 * headline figure carries the previous period of the same length and the change. Field order is fixed, so the same
 * data gives the same JSON and the same content hash.
 */
@Schema(name = "BulletinFigures", description = "The figures of a bulletin, each against the previous period of the same length")
public record BulletinFigures(
        @Schema(example = "2026-10-01") LocalDate from,
        @Schema(example = "2026-10-31") LocalDate to,
        @Schema(example = "2026-09-01", description = "First day of the previous period of the same length") LocalDate previousFrom,
        @Schema(example = "2026-09-30") LocalDate previousTo,
        @Schema(example = "TAIHANG") String scope,
        @Schema(example = "北部太行山优先区域") String scopeName,
        @Schema(example = "INTERNAL") Edition edition,
        @Schema(description = "Observation records (not rejected)") Change records,
        @Schema(description = "Species recorded") Change speciesRichness,
        @Schema(description = "Protected species recorded, by protection class (NATIONAL_I, NATIONAL_II, PROVINCIAL)") List<ClassChange> protectedSpecies,
        @Schema(description = "Species recorded in a county for the first time ever") Change newCountyRecords,
        @Schema(description = "Records of invasive species") Change invasiveDetections,
        @Schema(description = "Alerts raised") Change alerts,
        @Schema(description = "Alerts raised, by rule (type) and severity") List<AlertChange> alertsByType,
        @Schema(description = "Patrols started") Change patrols,
        @Schema(description = "Patrol distance, km") Amount patrolKm,
        @Schema(description = "Patrol time, hours") Amount patrolHours,
        @Schema(description = "Incidents found on patrols") Change incidents,
        @Schema(description = "Active sampling plots in the scope now", example = "12") int activePlots,
        @Schema(description = "Records per week (weeks start on Monday; the first and last may be partial)") List<WeekCount> recordsPerWeek,
        @Schema(description = "Records of invasive species per week") List<WeekCount> invasivePerWeek,
        @Schema(description = "First records of a species in a county") List<NewCountyRecord> newCountyRecordList,
        @Schema(description = "Species recorded, protected first, then by scientific name") List<SpeciesRow> species,
        @Schema(description = "Sentences written by rules from these figures", example = "[\"本月首次在修武县记录到黑鹳\"]") List<String> highlights,
        @Schema(description = "What the edition left out and why", example = "[\"公开版：少于 3 的数量不予公布\"]") List<String> notes,
        @Schema(nullable = true, description = "The map of the scope: county outlines and generalized places of the records") MapFigure map,
        @Schema(description = "Invasive-species control cases (alert-service), the same in both editions") ControlFigures control,
        @Schema(description = "Monitoring stations and those that sent nothing in the period") StationFigures stations,
        @Schema(description = "Survey visits to sampling plots in the period and the plots overdue at its end") SurveyFigures surveys,
        @Schema(description = "Protection rate of the nationally protected species (a monitoring proxy) against the plan's target") ProtectionFigures protection) {

    /**
     * Survey visits (docs/bulletins.md, "Survey visits and overdue plots"): visits of the scope's plots in the period and
     * the active plots whose last visit (else their establishment) lies more than their survey interval before the
     * period's last day.
     */
    @Schema(name = "BulletinSurveys")
    public record SurveyFigures(@Schema(description = "Survey visits in the period") Change visits,
            @Schema(description = "Person-hours of those visits") Amount effortHours,
            @Schema(description = "Distinct plots visited") Change plotsVisited,
            @Schema(description = "Active plots overdue at the period's end") Change overduePlots,
            @Schema(nullable = true, description = "Codes of the overdue plots; null in the public edition", example = "[\"410821-TH-007\"]") List<String> overduePlotCodes,
            @Schema(example = "0", description = "Active plots not judged: no survey interval on the plots topic, or never visited and no start") long unjudgedPlots) {
    }

    /**
     * The protection rate (docs/bulletins.md, "Protection rate"): of the catalog's NATIONAL_I and NATIONAL_II species,
     * the share with a record (not rejected) in the scope within the window ending at the period's end. A monitoring
     * proxy for the plan's 国家重点保护野生动植物物种数保护率, which no topic carries.
     */
    @Schema(name = "BulletinProtection")
    public record ProtectionFigures(
            @Schema(example = "MEASURED", enumeration = {"MEASURED", "NO_CATALOG", "NO_PROTECTED_SPECIES"},
                    description = "NO_CATALOG: no species arrived on the species topic yet; NO_PROTECTED_SPECIES: none of the catalog is nationally protected") String status,
            @Schema(nullable = true, example = "2021-11-01", description = "First day of the look-back window") LocalDate windowFrom,
            @Schema(nullable = true, example = "2026-10-31", description = "Last day of the window: the period's last day") LocalDate windowTo,
            @Schema(example = "95.0") double targetPercent,
            @Schema(example = "1187", description = "Species in the catalog") long catalogSpecies,
            @Schema(example = "40", description = "NATIONAL_I and NATIONAL_II species in the catalog") long protectedSpecies,
            @Schema(example = "33", description = "Of those, recorded in the scope within the window") long recordedSpecies,
            @Schema(nullable = true, example = "82.5", description = "Percent, one decimal; null unless MEASURED") Double ratePercent,
            @Schema(description = "NATIONAL_I and NATIONAL_II") List<ProtectionClassRate> classes,
            @Schema(nullable = true, description = "Protected species with no record in the window, by scientific name; null in the public edition") List<UnrecordedSpecies> unrecorded) {
    }

    @Schema(name = "BulletinProtectionClass")
    public record ProtectionClassRate(@Schema(example = "NATIONAL_I") String protectionClass, @Schema(example = "国家一级") String label,
            @Schema(example = "10") long species, @Schema(example = "8") long recorded,
            @Schema(nullable = true, example = "80.0", description = "Percent, one decimal; null when the class has no species") Double ratePercent) {
    }

    @Schema(name = "BulletinUnrecordedSpecies")
    public record UnrecordedSpecies(@Schema(example = "Grus leucogeranus") String scientificName,
            @Schema(nullable = true, example = "白鹤") String chineseName, @Schema(example = "NATIONAL_I") String protectionClass) {
    }

    /** Stations on a plot of the scope (docs/bulletins.md, "Silent stations"). */
    @Schema(name = "BulletinStations")
    public record StationFigures(@Schema(example = "14", description = "Stations registered by the period's end") long registered,
            @Schema(description = "Stations that sent no observation in the period") Change silent,
            @Schema(description = "Ids of the silent stations", example = "[\"CAM-0042\"]") List<String> silentIds) {
    }

    /**
     * Control cases of the scope (docs/bulletins.md, "Control cases"): open at the period's end (neither ERADICATED
     * nor CLOSED), opened and eradicated in the period, the area infested (open cases) and treated (actions in the
     * period), per species.
     */
    @Schema(name = "BulletinControl")
    public record ControlFigures(@Schema(description = "Cases open at the period's end") Change openCases,
            @Schema(description = "Cases opened in the period") Change newCases,
            @Schema(description = "Cases eradicated in the period") Change eradicated,
            @Schema(description = "Area of the cases open at the period's end, ha") Amount infestedHa,
            @Schema(description = "Area treated by control actions performed in the period, ha") Amount treatedHa,
            @Schema(description = "Per species, by scientific name; species with no case or action in these figures are left out") List<ControlSpecies> species) {
    }

    @Schema(name = "BulletinControlSpecies")
    public record ControlSpecies(@Schema(example = "Hyphantria cunea") String scientificName,
            @Schema(nullable = true, example = "美国白蛾") String chineseName,
            @Schema(example = "5", description = "Open at the period's end") long openCases,
            @Schema(example = "3", description = "Opened in the period") long newCases,
            @Schema(example = "2", description = "Of those opened in the period, with a control action by the period's end") long newCasesTreated,
            @Schema(example = "1", description = "Eradicated in the period") long eradicated,
            @Schema(example = "12.5", description = "Area of its open cases at the period's end, ha") double infestedHa,
            @Schema(example = "8.0", description = "Area treated in the period, ha") double treatedHa) {
    }

    /** A count and its change against the previous period. */
    @Schema(name = "BulletinChange")
    public record Change(@Schema(example = "128") long current, @Schema(example = "97") long previous,
            @Schema(example = "31") long change) {
        public static Change of(long current, long previous) {
            return new Change(current, previous, current - previous);
        }
    }

    /** An amount (one decimal) and its change. */
    @Schema(name = "BulletinAmount")
    public record Amount(@Schema(example = "86.4") double current, @Schema(example = "70.2") double previous,
            @Schema(example = "16.2") double change) {
        public static Amount of(double current, double previous) {
            return new Amount(round(current), round(previous), round(round(current) - round(previous)));
        }

        private static double round(double value) {
            return Math.round(value * 10) / 10.0;
        }
    }

    @Schema(name = "BulletinClassChange")
    public record ClassChange(@Schema(example = "NATIONAL_I") String protectionClass, @Schema(example = "国家一级") String label,
            Change species) {
    }

    /** Alerts of one rule and severity; in the public edition a count below the threshold is null (suppressed). */
    @Schema(name = "BulletinAlertChange")
    public record AlertChange(@Schema(example = "INVASIVE_SPECIES") String rule, @Schema(example = "HIGH") String severity,
            @Schema(nullable = true, example = "4") Long current, @Schema(nullable = true, example = "2") Long previous,
            @Schema(example = "false") boolean suppressed) {
    }

    @Schema(name = "BulletinWeekCount")
    public record WeekCount(@Schema(example = "2026-09-28", description = "Monday of the week") LocalDate week,
            @Schema(example = "31") long count) {
    }

    @Schema(name = "BulletinNewCountyRecord")
    public record NewCountyRecord(@Schema(example = "Ciconia nigra") String scientificName,
            @Schema(nullable = true, example = "黑鹳") String chineseName, @Schema(example = "NATIONAL_I") String protectionClass,
            @Schema(example = "410821") String countyCode, @Schema(example = "修武县") String countyName,
            @Schema(nullable = true, example = "2026-10-12", description = "Null for sensitive species in the public edition") LocalDate firstObservedOn) {
    }

    /**
     * A species recorded. In the public edition a sensitive species has no dates, and counts below the threshold are
     * null with {@code suppressed} true.
     */
    @Schema(name = "BulletinSpeciesRow")
    public record SpeciesRow(@Schema(example = "Ciconia nigra") String scientificName,
            @Schema(nullable = true, example = "黑鹳") String chineseName, @Schema(nullable = true, example = "BIRD") String group,
            @Schema(example = "NATIONAL_I") String protectionClass, @Schema(example = "true") boolean sensitive,
            @Schema(example = "false") boolean invasive,
            @Schema(nullable = true, example = "5") Long records, @Schema(nullable = true, example = "9") Long individuals,
            @Schema(example = "false") boolean suppressed,
            @Schema(description = "Chinese names of the counties it was recorded in", example = "[\"修武县\"]") List<String> counties,
            @Schema(nullable = true, example = "2026-10-03") LocalDate firstObservedOn,
            @Schema(nullable = true, example = "2026-10-27") LocalDate lastObservedOn) {
    }

    /**
     * The map of the scope (docs/bulletins.md, "Map"): the frame (the union of the scope's county extents), each
     * county's outline when the geography topic delivered one, and the records' places generalized — never exact.
     */
    @Schema(name = "BulletinMap")
    public record MapFigure(@Schema(example = "113.14") double west, @Schema(example = "35.13") double south,
            @Schema(example = "113.55") double east, @Schema(example = "35.5") double north,
            List<MapCounty> counties, List<MapMark> marks) {
    }

    /** A county of the scope; {@code rings} empty when no outline arrived (the map draws its extent, dashed). */
    @Schema(name = "BulletinMapCounty")
    public record MapCounty(@Schema(example = "410821") String code, @Schema(example = "修武县") String name,
            @Schema(example = "true") boolean outlined,
            @Schema(description = "Rings as \"lon,lat lon,lat …\" (WGS-84, 3 decimals)", example = "[\"113.140,35.130 113.550,35.130 113.550,35.500\"]") List<String> rings) {
    }

    /**
     * Records at one generalized place: CELL_0_01 (the centre of a 0.01° cell, species that are not sensitive),
     * CELL_0_1 (a 0.1° cell, sensitive species in the internal edition) or COUNTY (the county's centre, sensitive
     * species in the public edition). In the public edition a count below the threshold is null and suppressed.
     */
    @Schema(name = "BulletinMapMark")
    public record MapMark(@Schema(example = "35.255") double lat, @Schema(example = "113.405") double lon,
            @Schema(example = "CELL_0_01", enumeration = {"CELL_0_01", "CELL_0_1", "COUNTY"}) String precision,
            @Schema(nullable = true, example = "4") Long records, @Schema(example = "false") boolean suppressed) {
    }
}
