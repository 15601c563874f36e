package cn.jiaozuo.biodiversity.patrol.domain;

import java.time.Instant;

/** One fix of a track, WGS-84 degrees; {@code time} is null when the source gave none. */
public record TrackPoint(double lat, double lon, Instant time) {
}
