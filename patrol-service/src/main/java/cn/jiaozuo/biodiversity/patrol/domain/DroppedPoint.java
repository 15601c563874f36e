package cn.jiaozuo.biodiversity.patrol.domain;

import java.time.Instant;

/**
 * A track point left out of the effort, addressed as sent: {@code segment} is the line of a MultiLineString (0 for a
 * LineString) or the GPX trkseg in file order, {@code index} the position within it. The point is WGS-84.
 */
public record DroppedPoint(int segment, int index, double lat, double lon, Instant time, DropReason reason) {
}
