package cn.jiaozuo.biodiversity.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Payload of {@code AreaOutlined} on the compacted topic {@link Topics#GEOGRAPHY} (key = {@code kind:id}, e.g.
 * {@code COUNTY:410821}): the current outline of a county or a protected area, as sampling-plot-service holds it.
 * Plots keep their own topic ({@link Topics#PLOTS}).
 *
 * @param kind       COUNTY or PROTECTED_AREA
 * @param id         GB/T 2260 code of a county, or the protected area's id
 * @param countyCode the county for a county; for a protected area the county holding most of it, or null
 * @param geometry   GeoJSON Polygon or MultiPolygon, WGS-84; null when the outline was withdrawn
 * @param source     where the outline comes from (e.g. the bureau's survey, or a coarse public outline), for reports
 * @param active     false once the outline was withdrawn: readers stop using it for new work
 * @param updatedAt  when the outline changed: readers keep the newest per key and ignore older events
 */
public record AreaSnapshot(
        String kind,
        String id,
        String name,
        String countyCode,
        JsonNode geometry,
        String source,
        boolean active,
        Instant updatedAt) {

    public static final String COUNTY = "COUNTY";
    public static final String PROTECTED_AREA = "PROTECTED_AREA";

    /** The record key on {@link Topics#GEOGRAPHY}. */
    public static String key(String kind, String id) {
        return kind + ":" + id;
    }
}
