package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.observation.config.IndicatorConfig;
import cn.jiaozuo.biodiversity.observation.repository.IndicatorRepository;
import cn.jiaozuo.biodiversity.observation.repository.IndicatorRepository.SpeciesLast;
import jakarta.enterprise.context.ApplicationScoped;
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

/**
 * The plan's monitoring indicators for the city or one county, from the stored records and the catalog
 * (definitions in docs/data-publishing.md). Rejected observations never count: the repository leaves them out.
 */
@ApplicationScoped
public class IndicatorService {

    private static final Set<String> NATIONAL = Set.of("NATIONAL_I", "NATIONAL_II");
    private static final Set<String> PROTECTED = Set.of("NATIONAL_I", "NATIONAL_II", "PROVINCIAL");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final IndicatorRepository repository;
    private final SpeciesCatalog catalog;
    private final IndicatorConfig config;
    private final Disclosure disclosure;

    public IndicatorService(IndicatorRepository repository, SpeciesCatalog catalog, IndicatorConfig config,
            Disclosure disclosure) {
        this.repository = repository;
        this.catalog = catalog;
        this.config = config;
        this.disclosure = disclosure;
    }

    /**
     * @param countyCode a valid county code, or null for the whole city
     * @param window early warning: protected species not recorded for this many years
     * @param caller who asks: only reviewers and admins learn whether sensitive species were recorded inside plots
     */
    public Indicators indicators(String countyCode, int window, Caller caller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ZonedDateTime local = now.atZone(CHINA);
        Instant twelveMonthsAgo = local.minusMonths(12).toInstant();

        // Generalized records count only once released (Disclosure#released).
        ObservationFilter scope = disclosure.released(new ObservationFilter(null, countyCode, null, null, null, null, null, null),
                caller, catalog.sensitiveIds(), now);
        int[] richness = repository.richness(scope, twelveMonthsAgo);
        Map<String, IndicatorRepository.CountyRichness> byCounty = new LinkedHashMap<>();
        repository.richnessByCounty(scope, twelveMonthsAgo).forEach(r -> byCounty.put(r.countyCode(), r));
        List<Indicators.CountyRichness> counties = Arrays.stream(JiaozuoCounty.values())
                .filter(c -> countyCode == null || c.code().equals(countyCode))
                .map(c -> {
                    IndicatorRepository.CountyRichness r = byCounty.get(c.code());
                    return new Indicators.CountyRichness(c.code(), c.chineseName(), r == null ? 0 : r.allTime(),
                            r == null ? 0 : r.since());
                }).toList();

        Map<Long, SpeciesLast> last = repository.lastRecords(scope);
        List<SpeciesSnapshot> all = catalog.all();

        Map<String, List<Indicators.SpeciesLastSeen>> groups = new TreeMap<>();
        for (SpeciesSnapshot s : all) {
            SpeciesLast l = last.get(s.id());
            if (NATIONAL.contains(s.protectionLevel()) && l != null) {
                groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(seen(s, l.lastRecordedAt()));
            }
        }
        List<Indicators.ProtectedGroup> recorded = groups.entrySet().stream()
                .map(e -> new Indicators.ProtectedGroup(e.getKey(), e.getValue())).toList();

        Instant protectionSince = local.minusYears(config.protectionWindowYears()).toInstant();
        // Recorded inside a plot is finer than the county (a county may have one plot): for sensitive species only
        // reviewers and admins learn it. They are left out of the rate for everyone else, not merely thresholded: the
        // non-sensitive part of the count is public (their records show their plots), so any sensitive part could be
        // had by subtraction.
        boolean withhold = !Disclosure.seesSensitiveSpeciesInPlots(caller);
        int inCatalog = 0;
        int protectedRecorded = 0;
        int withheld = 0;
        for (SpeciesSnapshot s : all) {
            if (withhold && s.sensitive() && NATIONAL.contains(s.protectionLevel())) {
                withheld++;
            } else if (NATIONAL.contains(s.protectionLevel())) {
                inCatalog++;
                SpeciesLast l = last.get(s.id());
                if (l != null && l.lastInPlotAt() != null && !l.lastInPlotAt().isBefore(protectionSince)) {
                    protectedRecorded++;
                }
            }
        }
        double rate = inCatalog == 0 ? 0 : (double) protectedRecorded / inCatalog;

        Instant silentSince = local.minusYears(window).toInstant();
        List<Indicators.SpeciesLastSeen> silent = all.stream()
                .filter(s -> PROTECTED.contains(s.protectionLevel()))
                .filter(s -> last.get(s.id()) == null || last.get(s.id()).lastRecordedAt().isBefore(silentSince))
                .map(s -> seen(s, last.get(s.id()) == null ? null : last.get(s.id()).lastRecordedAt()))
                .sorted(Comparator.comparing(Indicators.SpeciesLastSeen::lastRecordedAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(Indicators.SpeciesLastSeen::id))
                .toList();

        Instant invasiveSince = YearMonth.from(local).minusMonths(config.invasiveMonths() - 1L).atDay(1)
                .atStartOfDay(CHINA).toInstant();
        List<Long> invasiveIds = all.stream().filter(SpeciesSnapshot::invasive).map(SpeciesSnapshot::id).toList();
        ObservationFilter recentScope = new ObservationFilter(null, countyCode, null, invasiveSince, null, null, null, null,
                scope.concealed());
        List<Indicators.InvasiveDetections> invasive = repository.detectionsByMonth(recentScope, invasiveIds)
                .stream().map(d -> new Indicators.InvasiveDetections(d.countyCode(), d.month(), d.speciesId(),
                        catalog.byId(d.speciesId()).map(SpeciesSnapshot::chineseName).orElse(null), d.detections()))
                .toList();

        return new Indicators(countyCode == null ? "city" : countyCode, now,
                new Indicators.Richness(richness[0], richness[1]), counties, recorded, rate, config.protectionRateTarget(),
                new Indicators.ProtectionRate(inCatalog, protectedRecorded, config.protectionWindowYears(), withheld),
                new Indicators.NotRecorded(window, silent), invasive);
    }

    private static Indicators.SpeciesLastSeen seen(SpeciesSnapshot s, Instant lastRecordedAt) {
        return new Indicators.SpeciesLastSeen(s.id(), s.chineseName(), s.scientificName(), s.protectionLevel(), lastRecordedAt);
    }
}
