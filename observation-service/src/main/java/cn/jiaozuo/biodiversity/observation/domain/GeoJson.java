package cn.jiaozuo.biodiversity.observation.domain;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads the GeoJSON Polygon and MultiPolygon geometries of plot events into JTS ({@code [lon, lat]}
 * positions, WGS-84). sampling-plot-service validated them already; this only refuses what cannot
 * be built at all.
 */
public final class GeoJson {

    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJson() {
    }

    public static Geometry parse(JsonNode geometry) {
        if (geometry == null || !geometry.isObject()) {
            throw new IllegalArgumentException("geometry must be a GeoJSON object");
        }
        JsonNode coordinates = geometry.path("coordinates");
        return switch (geometry.path("type").asText()) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                if (!coordinates.isArray() || coordinates.isEmpty()) {
                    throw new IllegalArgumentException("MultiPolygon needs polygons");
                }
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i));
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException("geometry must be a Polygon or MultiPolygon");
        };
    }

    public static Point point(double lat, double lon) {
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("Polygon needs at least one ring");
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
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("a position must be [lon, lat]");
            }
            coordinates[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        return FACTORY.createLinearRing(coordinates); // throws when the ring is not closed
    }
}
