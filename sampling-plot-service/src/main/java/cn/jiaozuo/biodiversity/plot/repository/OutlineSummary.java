package cn.jiaozuo.biodiversity.plot.repository;

import java.time.Instant;

/** An outline without its geometry: what the county and protected-area views show. */
public record OutlineSummary(String areaId, String source, double areaHa, Instant updatedAt) {
}
