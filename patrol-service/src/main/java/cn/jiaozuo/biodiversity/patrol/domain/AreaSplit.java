package cn.jiaozuo.biodiversity.patrol.domain;

/** Length (geodesic metres) and time (seconds, from the point times) of a kept track inside one area. */
public record AreaSplit(AreaKind kind, String areaId, double distanceM, double durationS) {
}
