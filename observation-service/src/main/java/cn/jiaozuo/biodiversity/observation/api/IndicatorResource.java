package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.observation.config.IndicatorConfig;
import cn.jiaozuo.biodiversity.observation.domain.SpeciesCatalog;
import cn.jiaozuo.biodiversity.observation.repository.IndicatorRepository;
import cn.jiaozuo.biodiversity.observation.repository.IndicatorRepository.SpeciesLast;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "The plan's monitoring indicators (KPIs)")
public class IndicatorResource {

    static final Set<String> NATIONAL = Set.of("NATIONAL_I", "NATIONAL_II");
    static final Set<String> PROTECTED = Set.of("NATIONAL_I", "NATIONAL_II", "PROVINCIAL");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String EXAMPLE = """
            {"scope": "410821", "generatedAt": "2026-05-20T02:00:00Z",
             "speciesRichness": {"allTime": 15, "last12Months": 9},
             "richnessByCounty": [{"countyCode": "410821", "countyName": "修武县", "allTime": 15, "last12Months": 9}],
             "protectedSpeciesRecorded": [{"group": "MAMMAL", "species": [{"id": 1, "chineseName": "华北豹",
               "scientificName": "Panthera pardus japonensis", "protectionLevel": "NATIONAL_I", "lastRecordedAt": "2026-04-30T21:14:00Z"}]}],
             "protectionRate": 0.6154, "protectionRateTarget": 0.95,
             "protectionRateDetail": {"protectedInCatalog": 26, "protectedRecorded": 16, "windowYears": 3},
             "notRecordedForYears": {"years": 3, "species": [{"id": 4, "chineseName": "狼", "scientificName": "Canis lupus",
               "protectionLevel": "NATIONAL_II", "lastRecordedAt": null}]},
             "invasiveDetectionsByMonth": [{"countyCode": "410821", "month": "2026-05", "speciesId": 60, "chineseName": "美国白蛾", "detections": 14}]}""";

    private final IndicatorRepository repository;
    private final SpeciesCatalog catalog;
    private final IndicatorConfig config;

    public IndicatorResource(IndicatorRepository repository, SpeciesCatalog catalog, IndicatorConfig config) {
        this.repository = repository;
        this.catalog = catalog;
        this.config = config;
    }

    @GET
    @PermitAll
    @Operation(summary = "The plan's indicators for the city or one county",
            description = "Callers: anyone, also without a token. Species richness (all time, last 12 months) in total and"
                    + " per county; national class I and II species recorded, by group; the protection rate (national"
                    + " class I and II species recorded inside a sampling plot within the last 3 years over all of them"
                    + " in the catalog; target 0.95); protected species not recorded for `years` years (early warning);"
                    + " invasive detections per county and month (last 12 months). Rejected observations never count.")
    @APIResponse(responseCode = "200", description = "The indicators",
            content = @Content(schema = @Schema(implementation = IndicatorsView.class),
                    examples = @ExampleObject(name = "Xiuwu", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown county or years out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IndicatorsView indicators(
            @Parameter(description = "GB/T 2260 county code; city-wide when absent", example = "410821") @QueryParam("county") String county,
            @Parameter(description = "Early warning: not recorded for this many years, 1–100 (default 3)", example = "3")
            @QueryParam("years") String years) {
        List<Violation> violations = new ArrayList<>();
        String countyCode = county == null || county.isBlank() ? null : county.trim();
        if (countyCode != null && !JiaozuoCounty.isValid(countyCode)) {
            violations.add(new Violation("county", "must be the GB/T 2260 code of one of Jiaozuo's 10 county-level divisions"));
        }
        int window = 3;
        if (years != null && !years.isBlank()) {
            try {
                window = Integer.parseInt(years.trim());
                if (window < 1 || window > 100) {
                    violations.add(new Violation("years", "must be between 1 and 100"));
                }
            } catch (NumberFormatException e) {
                violations.add(new Violation("years", "must be a whole number"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ZonedDateTime local = now.atZone(CHINA);
        Instant twelveMonthsAgo = local.minusMonths(12).toInstant();

        int[] richness = repository.richness(countyCode, twelveMonthsAgo);
        Map<String, IndicatorRepository.CountyRichness> byCounty = new LinkedHashMap<>();
        repository.richnessByCounty(countyCode, twelveMonthsAgo).forEach(r -> byCounty.put(r.countyCode(), r));
        List<IndicatorsView.CountyRichness> counties = Arrays.stream(JiaozuoCounty.values())
                .filter(c -> countyCode == null || c.code().equals(countyCode))
                .map(c -> {
                    IndicatorRepository.CountyRichness r = byCounty.get(c.code());
                    return new IndicatorsView.CountyRichness(c.code(), c.chineseName(), r == null ? 0 : r.allTime(),
                            r == null ? 0 : r.since());
                }).toList();

        Map<Long, SpeciesLast> last = repository.lastRecords(countyCode);
        List<SpeciesSnapshot> all = catalog.all();

        Map<String, List<IndicatorsView.SpeciesLastSeen>> groups = new TreeMap<>();
        for (SpeciesSnapshot s : all) {
            SpeciesLast l = last.get(s.id());
            if (NATIONAL.contains(s.protectionLevel()) && l != null) {
                groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(seen(s, l.lastRecordedAt()));
            }
        }
        List<IndicatorsView.ProtectedGroup> recorded = groups.entrySet().stream()
                .map(e -> new IndicatorsView.ProtectedGroup(e.getKey(), e.getValue())).toList();

        Instant protectionSince = local.minusYears(config.protectionWindowYears()).toInstant();
        int inCatalog = 0;
        int protectedRecorded = 0;
        for (SpeciesSnapshot s : all) {
            if (NATIONAL.contains(s.protectionLevel())) {
                inCatalog++;
                SpeciesLast l = last.get(s.id());
                if (l != null && l.lastInPlotAt() != null && !l.lastInPlotAt().isBefore(protectionSince)) {
                    protectedRecorded++;
                }
            }
        }
        double rate = inCatalog == 0 ? 0 : (double) protectedRecorded / inCatalog;

        Instant silentSince = local.minusYears(window).toInstant();
        List<IndicatorsView.SpeciesLastSeen> silent = all.stream()
                .filter(s -> PROTECTED.contains(s.protectionLevel()))
                .filter(s -> last.get(s.id()) == null || last.get(s.id()).lastRecordedAt().isBefore(silentSince))
                .map(s -> seen(s, last.get(s.id()) == null ? null : last.get(s.id()).lastRecordedAt()))
                .sorted(Comparator.comparing(IndicatorsView.SpeciesLastSeen::lastRecordedAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(IndicatorsView.SpeciesLastSeen::id))
                .toList();

        Instant invasiveSince = YearMonth.from(local).minusMonths(config.invasiveMonths() - 1L).atDay(1)
                .atStartOfDay(CHINA).toInstant();
        List<Long> invasiveIds = all.stream().filter(SpeciesSnapshot::invasive).map(SpeciesSnapshot::id).toList();
        List<IndicatorsView.InvasiveDetections> invasive = repository.detectionsByMonth(countyCode, invasiveIds, invasiveSince)
                .stream().map(d -> new IndicatorsView.InvasiveDetections(d.countyCode(), d.month(), d.speciesId(),
                        catalog.byId(d.speciesId()).map(SpeciesSnapshot::chineseName).orElse(null), d.detections()))
                .toList();

        return new IndicatorsView(countyCode == null ? "city" : countyCode, now,
                new IndicatorsView.Richness(richness[0], richness[1]), counties, recorded, rate, config.protectionRateTarget(),
                new IndicatorsView.ProtectionRateDetail(inCatalog, protectedRecorded, config.protectionWindowYears()),
                new IndicatorsView.NotRecorded(window, silent), invasive);
    }

    private static IndicatorsView.SpeciesLastSeen seen(SpeciesSnapshot s, Instant lastRecordedAt) {
        return new IndicatorsView.SpeciesLastSeen(s.id(), s.chineseName(), s.scientificName(), s.protectionLevel(), lastRecordedAt);
    }
}
