package cn.jiaozuo.biodiversity.plot.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documentation only: the shape of a plot geometry in the OpenAPI document. Requests carry it as a
 * JSON tree, which the service reads itself so that every broken rule gets its own message.
 */
@Schema(name = "GeoJsonGeometry", description = "GeoJSON (RFC 7946) Polygon or MultiPolygon, WGS-84, positions [longitude, latitude]")
public record GeoJsonGeometry(
        @Schema(enumeration = {"Polygon", "MultiPolygon"}, example = "Polygon") String type,
        @Schema(type = SchemaType.ARRAY, description = "Polygon: rings of positions (exterior ring first); MultiPolygon: polygons of rings")
        List<Object> coordinates) {
}
