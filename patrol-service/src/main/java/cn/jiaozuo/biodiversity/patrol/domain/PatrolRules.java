package cn.jiaozuo.biodiversity.patrol.domain;

import cn.jiaozuo.biodiversity.common.geo.Gcj02;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.patrol.config.PatrolConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a patrol must pass before it is stored, beyond the shape of its request: county, team, times, the track
 * lying in Jiaozuo, incidents within the patrol's time and place. Each broken rule is a violation naming its field as
 * the JSON request names it ({@code incidents[2].observedAt}); GPX uploads use the same names for their query
 * parameters. Null fields were reported by the request's own validation and are skipped here.
 */
@ApplicationScoped
public class PatrolRules {

    private final PatrolConfig config;

    public PatrolRules(PatrolConfig config) {
        this.config = config;
    }

    /** Limits that make a request too large rather than wrong: a 413 before anything else is looked at. */
    public void checkSize(int trackPoints, int incidents) {
        if (trackPoints > config.maxTrackPoints()) {
            throw ProblemException.tooLarge("A patrol's track holds at most " + config.maxTrackPoints() + " points; this one has "
                    + trackPoints + ". Send a multi-day patrol as one patrol per day.");
        }
        if (incidents > config.maxIncidents()) {
            throw ProblemException.tooLarge("A patrol holds at most " + config.maxIncidents() + " incidents or waypoints; this one has "
                    + incidents + ".");
        }
    }

    public List<Violation> check(NewPatrol p, Instant now) {
        List<Violation> violations = new ArrayList<>();
        checkSize(p.trackPointCount(), (p.incidents() == null ? 0 : p.incidents().size())
                + (p.candidates() == null ? 0 : p.candidates().size()));
        if (p.countyCode() != null && !JiaozuoCounty.isValid(p.countyCode())) {
            violations.add(new Violation("countyCode", "must be the GB/T 2260 code of one of Jiaozuo's 10 county-level divisions"));
        }
        team(p.team(), violations);
        Instant latest = now.plus(config.futureTolerance());
        if (p.startedAt() != null && p.endedAt() != null) {
            if (!p.endedAt().isAfter(p.startedAt())) {
                violations.add(new Violation("endedAt", "must lie after startedAt"));
            } else if (Duration.between(p.startedAt(), p.endedAt()).compareTo(config.maxDuration()) > 0) {
                violations.add(new Violation("endedAt", "a patrol lasts at most " + config.maxDuration().toDays()
                        + " days; send a longer one as several patrols"));
            }
        }
        if (p.endedAt() != null && p.endedAt().isAfter(latest)) {
            violations.add(new Violation("endedAt", "must not lie in the future"));
        }
        Datum datum = p.datumOrDefault();
        if (p.track() != null && !p.track().isEmpty()) {
            boolean anyInside = p.track().stream().flatMap(List::stream).map(point -> wgs84(point, datum))
                    .anyMatch(point -> JiaozuoArea.contains(point.lat(), point.lon()));
            if (!anyInside && p.trackPointCount() > 0) {
                // The message never repeats a point: tracks show where rangers and animals are.
                violations.add(new Violation("track", "has no point in Jiaozuo or its surroundings (lat " + JiaozuoArea.MIN_LAT
                        + "–" + JiaozuoArea.MAX_LAT + ", lon " + JiaozuoArea.MIN_LON + "–" + JiaozuoArea.MAX_LON + ")"));
            }
        }
        if (p.incidents() != null) {
            for (int i = 0; i < p.incidents().size(); i++) {
                incident(p, i, latest, violations);
            }
        }
        return violations;
    }

    private void team(List<String> team, List<Violation> violations) {
        if (team == null) {
            return;
        }
        if (team.size() > config.maxTeamSize()) {
            violations.add(new Violation("team", "a team has at most " + config.maxTeamSize() + " members"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < team.size(); i++) {
            if (team.get(i) != null && !seen.add(team.get(i).strip())) {
                violations.add(new Violation("team[" + i + "]", "names a member already listed"));
            }
        }
    }

    private void incident(NewPatrol p, int index, Instant latest, List<Violation> violations) {
        incident(p.incidents().get(index), p.datumOrDefault(), p.startedAt(), p.endedAt(), "incidents[" + index + "].", latest,
                violations);
    }

    /**
     * The rules of an incident added to a stored patrol (or a confirmed GPX waypoint): in Jiaozuo, not in the future,
     * within the patrol's time. {@code prefix} names the incident in the request ({@code [2].}, or empty).
     */
    public void checkAdded(NewIncident incident, Datum datum, Patrol patrol, String prefix, Instant now, List<Violation> violations) {
        incident(incident, datum, patrol.startedAt, patrol.endedAt, prefix, now.plus(config.futureTolerance()), violations);
    }

    private void incident(NewIncident incident, Datum datum, Instant startedAt, Instant endedAt, String prefix, Instant latest,
            List<Violation> violations) {
        if (incident.lat() != null && incident.lon() != null) {
            TrackPoint at = wgs84(new TrackPoint(incident.lat(), incident.lon(), null), datum);
            if (!JiaozuoArea.contains(at.lat(), at.lon())) {
                violations.add(new Violation(prefix + "location", JiaozuoArea.outsideMessage(at.lat(), at.lon())));
            }
        }
        Instant observed = incident.observedAt();
        if (observed == null) {
            return;
        }
        if (observed.isAfter(latest)) {
            violations.add(new Violation(prefix + "observedAt", "must not lie in the future"));
        } else if (startedAt != null && endedAt != null
                && (observed.isBefore(startedAt.minus(config.timeTolerance()))
                        || observed.isAfter(endedAt.plus(config.timeTolerance())))) {
            violations.add(new Violation(prefix + "observedAt", "must lie within the patrol, startedAt to endedAt (give or take "
                    + config.timeTolerance().toMinutes() + " minutes)"));
        }
    }

    /** A point in WGS-84: GCJ-02 input is converted (the inverse transform, well under a metre). */
    public static TrackPoint wgs84(TrackPoint p, Datum datum) {
        if (datum != Datum.GCJ02 || Math.abs(p.lat()) > 90 || Math.abs(p.lon()) > 180) {
            return p;
        }
        Gcj02.LatLon wgs = Gcj02.toWgs84(p.lat(), p.lon());
        return new TrackPoint(wgs.lat(), wgs.lon(), p.time());
    }
}
