package cn.jiaozuo.biodiversity.patrol.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A patrol as a GeoJSON (RFC 7946) FeatureCollection, for GIS tools: the kept track, incidents and waypoints. */
@Schema(name = "PatrolFeatureCollection", description = "GeoJSON FeatureCollection, WGS-84: the kept track (properties.kind"
        + " track, a MultiLineString with times), each incident (kind incident) and each GPX waypoint (kind candidate) as a Point")
public record GeoJsonView(
        @Schema(required = true, enumeration = "FeatureCollection") String type,
        @Schema(required = true) List<Feature> features) {

    @Schema(name = "PatrolFeature", description = "A GeoJSON Feature")
    public record Feature(
            @Schema(required = true, enumeration = "Feature") String type,
            @Schema(required = true, example = "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f") String id,
            @Schema(required = true) Geometry geometry,
            @Schema(required = true, type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
                    description = "kind (track, incident or candidate) and the fields of that part of the patrol",
                    example = "{\"kind\": \"incident\", \"type\": \"SNARE\", \"actionTaken\": \"REMOVED\", \"count\": 3}")
            Map<String, Object> properties) {
    }

    @Schema(name = "PatrolFeatureGeometry", description = "MultiLineString (the track) or Point, [longitude, latitude]")
    public record Geometry(
            @Schema(required = true, enumeration = {"MultiLineString", "Point"}) String type,
            @Schema(required = true, type = SchemaType.ARRAY, example = "[113.3521, 35.4012]") List<Object> coordinates) {
    }
}
