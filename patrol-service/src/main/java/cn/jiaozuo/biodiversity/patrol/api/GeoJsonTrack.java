package cn.jiaozuo.biodiversity.patrol.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documentation only: the shape of a track in the OpenAPI document. Requests carry it as a JSON tree, which
 * {@link TrackReader} reads itself so that every bad position is named.
 */
@Schema(name = "GeoJsonTrack", description = "GeoJSON (RFC 7946) LineString or MultiLineString, positions [longitude, latitude]"
        + " (a third value, altitude, is ignored), at least two per line; optional times: the same shape as coordinates, one"
        + " ISO-8601 date-time with offset (or null) per position, as GPX-to-GeoJSON converters write them")
public record GeoJsonTrack(
        @Schema(required = true, enumeration = {"LineString", "MultiLineString"}, example = "LineString") String type,
        @Schema(required = true, type = SchemaType.ARRAY, description = "LineString: positions; MultiLineString: lines of positions")
        List<Object> coordinates,
        @Schema(type = SchemaType.ARRAY, description = "LineString: times; MultiLineString: lines of times") List<Object> times) {
}
