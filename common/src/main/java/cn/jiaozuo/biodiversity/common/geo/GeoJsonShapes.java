package cn.jiaozuo.biodiversity.common.geo;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads the GeoJSON Polygon and MultiPolygon geometries of events (plots, county and protected-area outlines) into JTS
 * ({@code [lon, lat]}, WGS-84). The publisher (sampling-plot-service) validated them; a reader still refuses what it
 * cannot use — an open ring, a position that is not two numbers in range, a self-intersecting outline — so that such an
 * event goes to the dead-letter topic instead of failing every later lookup, split or area sum.
 */
public final class GeoJsonShapes {

    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJsonShapes() {
    }

    /** The geometry; {@link IllegalArgumentException} naming what is wrong when it cannot be used. */
    public static Geometry parse(JsonNode geometry) {
        if (geometry == null || !geometry.isObject()) {
            throw new IllegalArgumentException("geometry must be a GeoJSON object");
        }
        JsonNode coordinates = geometry.path("coordinates");
        Geometry result = switch (geometry.path("type").asText()) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                if (!coordinates.isArray() || coordinates.isEmpty()) {
                    throw new IllegalArgumentException("a MultiPolygon needs polygons");
                }
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i));
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException("geometry must be a Polygon or MultiPolygon");
        };
        if (!result.isValid()) {
            throw new IllegalArgumentException("the outline is not a valid polygon (self-intersecting or overlapping parts)");
        }
        return result;
    }

    public static Point point(double lat, double lon) {
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a Polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new IllegalArgumentException("a ring needs at least four positions");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode p = positions.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()
                    || Math.abs(p.get(0).asDouble()) > 180 || Math.abs(p.get(1).asDouble()) > 90) {
                throw new IllegalArgumentException("a position must be [lon, lat] within ±180 and ±90");
            }
            coordinates[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        return FACTORY.createLinearRing(coordinates); // throws when the ring is not closed
    }
}
