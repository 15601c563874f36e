package cn.jiaozuo.biodiversity.patrol.domain;

import cn.jiaozuo.biodiversity.patrol.config.PatrolConfig;
import cn.jiaozuo.biodiversity.patrol.repository.AreaRepository;
import cn.jiaozuo.biodiversity.patrol.repository.AreaRepository.SplitRow;
import cn.jiaozuo.biodiversity.patrol.repository.PatrolRepository;
import cn.jiaozuo.biodiversity.patrol.repository.PatrolRepository.EffortRow;
import cn.jiaozuo.biodiversity.patrol.repository.PatrolRepository.IncidentPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Patrol effort in a window: patrols whose startedAt lies in [from, to), grouped. Read as one projection of the
 * window's patrols (the window is at most {@link PatrolConfig#maxEffortWindow()}) and summed here, where months are
 * months of the bureaus' calendar. Grouped by area, a group holds the track's length and time inside the area (its
 * splits) and the incidents whose point lies in it; the total is always that of the whole patrols.
 */
@ApplicationScoped
public class EffortReport {

    private final PatrolRepository patrols;
    private final AreaRepository areaSplits;
    private final AreaEffort areas;
    private final PatrolConfig config;

    public EffortReport(PatrolRepository patrols, AreaRepository areaSplits, AreaEffort areas, PatrolConfig config) {
        this.patrols = patrols;
        this.areaSplits = areaSplits;
        this.areas = areas;
        this.config = config;
    }

    /** The groups by key, in key order, and the totals under key "total". */
    public record Result(List<EffortGroup> groups, EffortGroup total) {
    }

    @Transactional
    public Result report(Instant from, Instant to, EffortGrouping grouping) {
        List<EffortRow> rows = patrols.effortRows(from, to);
        Map<UUID, Map<IncidentType, Integer>> incidents = patrols.incidentCounts(from, to);
        Map<String, Sum> groups = new TreeMap<>();
        Sum total = new Sum();
        for (EffortRow row : rows) {
            total.add(row.uuid(), row.distanceM(), seconds(row), incidents.getOrDefault(row.uuid(), Map.of()));
        }
        switch (grouping) {
            case county -> byCounty(from, to, rows, groups);
            case plot -> byArea(from, to, AreaKind.PLOT, groups);
            case protectedArea -> byArea(from, to, AreaKind.PROTECTED_AREA, groups);
            case month, ranger -> {
                Map<UUID, List<String>> teams = grouping == EffortGrouping.ranger ? patrols.teams(from, to) : Map.of();
                for (EffortRow row : rows) {
                    List<String> keys = grouping == EffortGrouping.month
                            ? List.of(YearMonth.from(row.startedAt().atZone(config.zone())).toString())
                            : teams.getOrDefault(row.uuid(), List.of());
                    for (String key : keys) {
                        groups.computeIfAbsent(key, k -> new Sum()).add(row.uuid(), row.distanceM(), seconds(row),
                                incidents.getOrDefault(row.uuid(), Map.of()));
                    }
                }
            }
        }
        List<EffortGroup> result = new ArrayList<>();
        groups.forEach((key, sum) -> result.add(sum.group(key)));
        return new Result(result, total.group("total"));
    }

    /**
     * Each county outline gets the length and time of the track inside it; what lies outside every county outline (all of
     * it while no county has an outline) goes to the county the patrol declares, hours there being the declared duration
     * less the time inside outlines. Incidents go to the county outline their point lies in, else the declared county.
     */
    private void byCounty(Instant from, Instant to, List<EffortRow> rows, Map<String, Sum> groups) {
        Map<UUID, List<SplitRow>> splits = new HashMap<>();
        for (SplitRow s : areaSplits.splitsIn(from, to, AreaKind.COUNTY)) {
            splits.computeIfAbsent(s.patrol(), k -> new ArrayList<>()).add(s);
        }
        Map<UUID, String> declared = new HashMap<>();
        for (EffortRow row : rows) {
            declared.put(row.uuid(), row.countyCode());
            double metres = 0;
            double seconds = 0;
            List<SplitRow> inside = splits.getOrDefault(row.uuid(), List.of());
            for (SplitRow s : inside) {
                groups.computeIfAbsent(s.areaId(), k -> new Sum()).add(row.uuid(), s.distanceM(), s.durationS(), Map.of());
                metres += s.distanceM();
                seconds += s.durationS();
            }
            double restMetres = Math.max(0, row.distanceM() - metres);
            if (inside.isEmpty() || restMetres >= 1) { // under a metre outside is rounding at a boundary
                groups.computeIfAbsent(row.countyCode(), k -> new Sum()).add(row.uuid(), restMetres,
                        Math.max(0, seconds(row) - seconds), Map.of());
            }
        }
        List<Area> outlines = areas.active(EnumSet.of(AreaKind.COUNTY));
        for (IncidentPoint i : patrols.incidentPoints(from, to)) {
            String county = AreaEffort.first(AreaKind.COUNTY, i.lat(), i.lon(), outlines);
            groups.computeIfAbsent(county != null ? county : declared.get(i.patrol()), k -> new Sum()).incident(i.type());
        }
    }

    private void byArea(Instant from, Instant to, AreaKind kind, Map<String, Sum> groups) {
        for (SplitRow s : areaSplits.splitsIn(from, to, kind)) {
            groups.computeIfAbsent(s.areaId(), k -> new Sum()).add(s.patrol(), s.distanceM(), s.durationS(), Map.of());
        }
        List<Area> outlines = areas.active(EnumSet.of(kind));
        for (IncidentPoint i : patrols.incidentPoints(from, to)) {
            for (Area area : outlines) {
                if (area.covers(i.lat(), i.lon())) {
                    groups.computeIfAbsent(area.id(), k -> new Sum()).incident(i.type());
                }
            }
        }
    }

    private static double seconds(EffortRow row) {
        return Duration.between(row.startedAt(), row.endedAt()).toSeconds();
    }

    private static final class Sum {
        final Set<UUID> patrols = new HashSet<>();
        double metres;
        double seconds;
        final Map<IncidentType, Integer> incidents = new EnumMap<>(IncidentType.class);

        Sum() {
            for (IncidentType type : IncidentType.values()) {
                incidents.put(type, 0);
            }
        }

        void add(UUID patrol, double metres, double seconds, Map<IncidentType, Integer> found) {
            patrols.add(patrol);
            this.metres += metres;
            this.seconds += seconds;
            found.forEach((type, n) -> incidents.merge(type, n, Integer::sum));
        }

        void incident(IncidentType type) {
            incidents.merge(type, 1, Integer::sum);
        }

        EffortGroup group(String key) {
            return new EffortGroup(key, patrols.size(), Math.round(metres) / 1000.0, Math.round(seconds / 3.6) / 1000.0,
                    Map.copyOf(incidents));
        }
    }
}
