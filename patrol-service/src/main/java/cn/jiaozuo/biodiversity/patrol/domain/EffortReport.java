package cn.jiaozuo.biodiversity.patrol.domain;

import cn.jiaozuo.biodiversity.patrol.config.PatrolConfig;
import cn.jiaozuo.biodiversity.patrol.repository.PatrolRepository;
import cn.jiaozuo.biodiversity.patrol.repository.PatrolRepository.EffortRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Patrol effort in a window: patrols whose startedAt lies in [from, to), grouped. Read as one projection of the
 * window's patrols (the window is at most {@link PatrolConfig#maxEffortWindow()}) and summed here, where months are
 * months of the bureaus' calendar.
 */
@ApplicationScoped
public class EffortReport {

    private final PatrolRepository patrols;
    private final PatrolConfig config;

    public EffortReport(PatrolRepository patrols, PatrolConfig config) {
        this.patrols = patrols;
        this.config = config;
    }

    /** The groups by key, in key order, and the totals under key "total". */
    public record Result(List<EffortGroup> groups, EffortGroup total) {
    }

    @Transactional
    public Result report(Instant from, Instant to, EffortGrouping grouping) {
        List<EffortRow> rows = patrols.effortRows(from, to);
        Map<UUID, Map<IncidentType, Integer>> incidents = patrols.incidentCounts(from, to);
        Map<UUID, List<String>> teams = grouping == EffortGrouping.ranger ? patrols.teams(from, to) : Map.of();
        Map<String, Sum> groups = new TreeMap<>();
        Sum total = new Sum();
        for (EffortRow row : rows) {
            Map<IncidentType, Integer> found = incidents.getOrDefault(row.uuid(), Map.of());
            total.add(row, found);
            List<String> keys = switch (grouping) {
                case county -> List.of(row.countyCode());
                case month -> List.of(YearMonth.from(row.startedAt().atZone(config.zone())).toString());
                case ranger -> teams.getOrDefault(row.uuid(), List.of());
            };
            for (String key : keys) {
                groups.computeIfAbsent(key, k -> new Sum()).add(row, found);
            }
        }
        List<EffortGroup> result = new ArrayList<>();
        groups.forEach((key, sum) -> result.add(sum.group(key)));
        return new Result(result, total.group("total"));
    }

    private static final class Sum {
        int patrols;
        double metres;
        long seconds;
        final Map<IncidentType, Integer> incidents = new EnumMap<>(IncidentType.class);

        Sum() {
            for (IncidentType type : IncidentType.values()) {
                incidents.put(type, 0);
            }
        }

        void add(EffortRow row, Map<IncidentType, Integer> found) {
            patrols++;
            metres += row.distanceM();
            seconds += Duration.between(row.startedAt(), row.endedAt()).toSeconds();
            found.forEach((type, n) -> incidents.merge(type, n, Integer::sum));
        }

        EffortGroup group(String key) {
            return new EffortGroup(key, patrols, Math.round(metres) / 1000.0, Math.round(seconds / 3.6) / 1000.0,
                    Map.copyOf(incidents));
        }
    }
}
