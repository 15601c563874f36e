package cn.jiaozuo.biodiversity.alert.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The cluster rule of wildlife disease surveillance, pure (no clock, no storage): N or more dead wild birds within R
 * metres and D of a new bird report make a cluster. Anchored on the new report: its neighbours are the other bird
 * reports at most R (great-circle) from its point and at most D before or after its time. A neighbour already in a
 * live cluster puts the new report (and its neighbours not yet in one) into that cluster; otherwise the dead birds of
 * the report and its neighbours, N or more, raise a new cluster. Sick birds count in the figures, not towards N.
 */
public final class DiseaseClusterRule {

    /** N, R and D (alerts.disease.*). */
    public record Settings(int minDeadBirds, double radiusM, Duration window) {
    }

    /** A bird report as the rule sees it; {@code clusterAlertId} is its live cluster alert, if any. */
    public record Report(UUID id, double lat, double lon, Instant observedAt, int deadBirds, UUID clusterAlertId) {
    }

    /** What the new report does. */
    public sealed interface Decision permits Nothing, Raise, Join {
    }

    /** No cluster (yet). */
    public record Nothing() implements Decision {
    }

    /** A new cluster of these reports (the new one first). */
    public record Raise(List<UUID> members) implements Decision {
    }

    /** These reports (the new one first) join the live cluster alert {@code alertId}. */
    public record Join(UUID alertId, List<UUID> members) implements Decision {
    }

    private DiseaseClusterRule() {
    }

    public static Decision decide(Report report, Collection<Report> others, Settings settings) {
        List<Report> near = others.stream().filter(o -> !o.id().equals(report.id()) && near(report, o, settings))
                .sorted(Comparator.comparing(Report::observedAt).thenComparing(Report::id)).toList();
        // The earliest neighbour's cluster, if several: one alert gets the report, not two.
        UUID cluster = near.stream().map(Report::clusterAlertId).filter(id -> id != null).findFirst().orElse(null);
        if (cluster != null) {
            return new Join(cluster, members(report, near.stream().filter(o -> o.clusterAlertId() == null).toList()));
        }
        int dead = report.deadBirds() + near.stream().mapToInt(Report::deadBirds).sum();
        return dead >= settings.minDeadBirds() ? new Raise(members(report, near))
                : new Nothing();
    }

    /** At most R apart and at most D apart in time (both bounds included). */
    static boolean near(Report a, Report b, Settings settings) {
        Duration apart = Duration.between(a.observedAt(), b.observedAt()).abs();
        return apart.compareTo(settings.window()) <= 0
                && EnforcementDecisions.distanceM(a.lat(), a.lon(), b.lat(), b.lon()) <= settings.radiusM();
    }

    private static List<UUID> members(Report report, List<Report> others) {
        List<UUID> ids = new ArrayList<>(others.size() + 1);
        ids.add(report.id());
        others.forEach(o -> ids.add(o.id()));
        return ids;
    }
}
