package cn.jiaozuo.biodiversity.patrol.domain;

import java.util.List;

/**
 * A track after {@link TrackCleaner}: the lines whose points count (each of at least two points), the points left
 * out and why, and the geodesic length of the lines.
 *
 * @param pointCount    points received
 * @param speedChecked  whether the points had times, so speeds could be judged
 * @param splits        jumps the transport could not make that the track never came back from (e.g. a receiver off
 *                      for a drive between two walks): the line is split there and the jump not counted
 */
public record CleanTrack(List<List<TrackPoint>> lines, List<DroppedPoint> dropped, double distanceM, int pointCount,
        boolean speedChecked, int splits) {

    public int keptPoints() {
        return lines.stream().mapToInt(List::size).sum();
    }
}
