package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads a GeoJSON (RFC 7946) Polygon or MultiPolygon into a JTS geometry (x = longitude, y = latitude)
 * and enforces the plot geometry rules. Every rule broken is a 400 with a violation on
 * {@code geometry} that says which ring or position is wrong, so the GIS operator can fix it.
 */
public final class PlotGeometry {

    public static final String FIELD = "geometry";
    /** Generous for a hand-drawn plot; stops a pathological polygon from costing seconds per locate. */
    public static final int MAX_POSITIONS = 10_000;

    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Geometry geometry;
    private final double areaHa;

    private PlotGeometry(Geometry geometry) {
        this.geometry = geometry;
        this.areaHa = GeodesicArea.hectares(geometry);
    }

    public Geometry geometry() {
        return geometry;
    }

    public double areaHa() {
        return areaHa;
    }

    /** Parses and validates; throws a 400 {@link ProblemException} on the first rule broken. */
    public static PlotGeometry parse(JsonNode node) {
        if (node == null || node.isNull()) {
            throw invalid("must not be null");
        }
        if (!node.isObject()) {
            throw invalid("must be a GeoJSON object with \"type\" and \"coordinates\"");
        }
        String type = node.path("type").asText("");
        JsonNode coordinates = node.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
                throw unsupported(type);
            }
            throw invalid("coordinates must be an array");
        }
        int[] positions = {0};
        Geometry geometry = switch (type) {
            case "Polygon" -> polygon(coordinates, "", positions);
            case "MultiPolygon" -> {
                if (coordinates.isEmpty()) {
                    throw invalid("a MultiPolygon needs at least one polygon");
                }
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i), "polygon " + (i + 1) + ", ", positions);
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw unsupported(type);
        };
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw invalid("is not a valid polygon: " + error.getMessage().toLowerCase(Locale.ROOT)
                    + (at == null ? "" : String.format(Locale.ROOT, " at [%s, %s]", at.x, at.y)));
        }
        return new PlotGeometry(geometry);
    }

    private static Polygon polygon(JsonNode rings, String where, int[] positions) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw invalid(where + "a polygon needs an array of linear rings (the exterior ring first)");
        }
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (int r = 0; r < rings.size(); r++) {
            String ringName = where + (r == 0 ? "exterior ring" : "hole " + r);
            LinearRing ring = ring(rings.get(r), ringName, positions);
            if (r == 0) {
                shell = ring;
            } else {
                holes.add(ring);
            }
        }
        return FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static LinearRing ring(JsonNode ring, String name, int[] positions) {
        if (!ring.isArray()) {
            throw invalid(name + " must be an array of positions");
        }
        if (ring.size() < 4) {
            throw invalid(name + " has " + ring.size() + " positions; a linear ring needs at least 4 (the first repeated as the last)");
        }
        positions[0] += ring.size();
        if (positions[0] > MAX_POSITIONS) {
            throw invalid("has more than " + MAX_POSITIONS + " positions");
        }
        Coordinate[] coordinates = new Coordinate[ring.size()];
        for (int p = 0; p < ring.size(); p++) {
            coordinates[p] = position(ring.get(p), name + ", position " + (p + 1));
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw invalid(name + " is not closed: its first and last positions must be identical");
        }
        return FACTORY.createLinearRing(coordinates);
    }

    private static Coordinate position(JsonNode position, String name) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw invalid(name + " must be [longitude, latitude] with numbers");
        }
        double lon = position.get(0).doubleValue();
        double lat = position.get(1).doubleValue();
        if (!Double.isFinite(lon) || lon < -180 || lon > 180 || !Double.isFinite(lat) || lat < -90 || lat > 90) {
            String swapped = JiaozuoArea.contains(lon, lat) ? "; it looks like [latitude, longitude], GeoJSON wants [longitude, latitude]" : "";
            throw invalid(name + " [" + lon + ", " + lat + "] is out of range: longitude must be within ±180 and latitude within ±90" + swapped);
        }
        if (!JiaozuoArea.contains(lat, lon)) {
            throw invalid(name + " [" + lon + ", " + lat + "] " + JiaozuoArea.outsideMessage(lat, lon)
                    + "; GeoJSON positions are [longitude, latitude]");
        }
        return new Coordinate(lon, lat);
    }

    private static ProblemException unsupported(String type) {
        return invalid("type must be Polygon or MultiPolygon" + (type.isEmpty() ? "" : ", not " + type));
    }

    private static ProblemException invalid(String message) {
        return ProblemException.badRequest(FIELD, message);
    }
}
