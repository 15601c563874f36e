package cn.jiaozuo.biodiversity.plot.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outline of a county or protected area. Checked by the service as a whole (OutlineService), so one 400
 * names every field that is wrong.
 */
@Schema(name = "OutlineRequest", description = "The outline of a county or protected area")
public record OutlineRequest(
        @Schema(required = true, implementation = GeoJsonGeometry.class, description = "GeoJSON Polygon or MultiPolygon, "
                + "positions [longitude, latitude] in the datum given; closed rings of at least 4 positions, no "
                + "self-intersection, every vertex in Jiaozuo or its surroundings, at most 10000 positions",
                example = "{\"type\":\"Polygon\",\"coordinates\":[[[113.20,35.40],[113.30,35.40],[113.30,35.48],[113.20,35.48],[113.20,35.40]]]}")
        JsonNode geometry,
        @Schema(enumeration = {"WGS84", "GCJ02"}, example = "WGS84", nullable = true,
                description = "Datum of the positions: WGS84 (default) or GCJ02, the offset datum of Chinese web maps, "
                        + "converted to WGS-84 before the checks")
        String datum,
        @Schema(required = true, maxLength = 200, example = "焦作市林业局 2025 年勘界成果",
                description = "Where the outline comes from; shown in reports and published with it")
        String source) {
}
