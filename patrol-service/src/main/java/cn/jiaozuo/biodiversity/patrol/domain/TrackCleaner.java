package cn.jiaozuo.biodiversity.patrol.domain;

import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes GPS spikes from a track and measures what is left. Pure: no clock, no database.
 *
 * <p>Per point, in order: a point outside Jiaozuo's box is dropped (OUTSIDE_AREA); in a track with times, a point
 * without one (NO_TIME) or outside the patrol's time (OUTSIDE_PATROL_TIME). Then, per segment, each point is compared
 * with the last point kept: a time not after it is TIME_NOT_INCREASING; a point that would need more than the
 * transport's top speed to reach is a spike when one of the next {@value #LOOKAHEAD} points is reachable again (the
 * receiver jumped and came back: the points in between are dropped as SPEED). When none is, the track really went
 * on from there: if the last kept point is the segment's first, that first fix was the bad one (a cold start) and is
 * dropped; otherwise the line is split and the jump is not counted. A segment left with one point drops it
 * (ISOLATED). Without any times no speed can be judged, and only the area rule applies.
 */
public final class TrackCleaner {

    /** How many points after a jump are searched for the track's return. */
    static final int LOOKAHEAD = 5;

    private TrackCleaner() {
    }

    /**
     * @param segments    the track as sent (WGS-84), one list per line or trkseg
     * @param maxSpeedKmh the transport's top speed
     * @param from        earliest time a point may have (null: no bound)
     * @param to          latest time a point may have (null: no bound)
     */
    public static CleanTrack clean(List<List<TrackPoint>> segments, double maxSpeedKmh, Instant from, Instant to) {
        boolean timed = segments.stream().flatMap(List::stream).anyMatch(p -> p.time() != null);
        double maxSpeed = maxSpeedKmh / 3.6;
        List<DroppedPoint> dropped = new ArrayList<>();
        List<List<TrackPoint>> kept = new ArrayList<>();
        int count = 0;
        int splits = 0;
        for (int s = 0; s < segments.size(); s++) {
            List<TrackPoint> points = segments.get(s);
            count += points.size();
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                TrackPoint p = points.get(i);
                DropReason reason = !JiaozuoArea.contains(p.lat(), p.lon()) ? DropReason.OUTSIDE_AREA
                        : timed && p.time() == null ? DropReason.NO_TIME
                        : p.time() != null && ((from != null && p.time().isBefore(from)) || (to != null && p.time().isAfter(to)))
                                ? DropReason.OUTSIDE_PATROL_TIME : null;
                if (reason != null) {
                    dropped.add(drop(s, i, p, reason));
                } else {
                    candidates.add(i);
                }
            }
            List<List<Integer>> lines = new ArrayList<>();
            List<Integer> line = new ArrayList<>();
            for (int c = 0; c < candidates.size(); c++) {
                int i = candidates.get(c);
                TrackPoint p = points.get(i);
                if (line.isEmpty() || !timed) {
                    line.add(i);
                    continue;
                }
                int anchor = line.get(line.size() - 1);
                TrackPoint last = points.get(anchor);
                if (!p.time().isAfter(last.time())) {
                    dropped.add(drop(s, i, p, DropReason.TIME_NOT_INCREASING));
                    continue;
                }
                if (reachable(last, p, maxSpeed)) {
                    line.add(i);
                    continue;
                }
                int back = -1;
                for (int k = c + 1; k < candidates.size() && k <= c + LOOKAHEAD; k++) {
                    TrackPoint q = points.get(candidates.get(k));
                    if (q.time().isAfter(last.time()) && reachable(last, q, maxSpeed)) {
                        back = k;
                        break;
                    }
                }
                if (back >= 0) {
                    for (int k = c; k < back; k++) {
                        int j = candidates.get(k);
                        TrackPoint q = points.get(j);
                        dropped.add(drop(s, j, q, q.time().isAfter(last.time()) ? DropReason.SPEED : DropReason.TIME_NOT_INCREASING));
                    }
                    c = back - 1;
                    continue;
                }
                if (line.size() == 1 && lines.isEmpty()) {
                    dropped.add(drop(s, anchor, last, DropReason.SPEED)); // the segment's first fix was the spike
                    line.clear();
                } else {
                    lines.add(line);
                    line = new ArrayList<>();
                    splits++;
                }
                line.add(i);
            }
            lines.add(line);
            for (List<Integer> indexes : lines) {
                if (indexes.size() == 1) {
                    // One point carries no length and makes no GeoJSON line: reported instead.
                    dropped.add(drop(s, indexes.get(0), points.get(indexes.get(0)), DropReason.ISOLATED));
                } else if (indexes.size() > 1) {
                    kept.add(indexes.stream().map(points::get).toList());
                }
            }
        }
        dropped.sort((a, b) -> a.segment() != b.segment() ? Integer.compare(a.segment(), b.segment())
                : Integer.compare(a.index(), b.index()));
        double distance = 0;
        for (List<TrackPoint> line : kept) {
            for (int i = 1; i < line.size(); i++) {
                TrackPoint a = line.get(i - 1);
                TrackPoint b = line.get(i);
                distance += GeodesicDistance.metres(a.lat(), a.lon(), b.lat(), b.lon());
            }
        }
        return new CleanTrack(List.copyOf(kept), List.copyOf(dropped), distance, count, timed, splits);
    }

    private static boolean reachable(TrackPoint from, TrackPoint to, double maxSpeedMps) {
        double seconds = Duration.between(from.time(), to.time()).toNanos() / 1e9;
        return GeodesicDistance.metres(from.lat(), from.lon(), to.lat(), to.lon()) <= maxSpeedMps * seconds;
    }

    private static DroppedPoint drop(int segment, int index, TrackPoint p, DropReason reason) {
        return new DroppedPoint(segment, index, p.lat(), p.lon(), p.time(), reason);
    }
}
