package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * An infestation's (or a treatment's) area: a GeoJSON Polygon (WGS-84 lon/lat, holes allowed) or a circle (centre +
 * radius). Areas are geodesic on the WGS-84 ellipsoid (GeographicLib), not planar degrees; "inside" is tested on the
 * polygon in lon/lat (edges of a few km, where that is exact enough) or by geodesic distance to the centre.
 */
public final class CaseArea {

    public static final int MAX_POSITIONS = 5_000;
    public static final double MAX_RADIUS_M = 50_000;
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Polygon polygon;
    private final String outline;
    private final double lat;
    private final double lon;
    private final Double radiusM;
    private final double areaHa;

    private CaseArea(Polygon polygon, String outline, double lat, double lon, Double radiusM, double areaHa) {
        this.polygon = polygon;
        this.outline = outline;
        this.lat = lat;
        this.lon = lon;
        this.radiusM = radiusM;
        this.areaHa = areaHa;
    }

    /** A circle; the caller has checked the ranges. Area π r² (the ellipsoid's curvature is negligible at 50 km). */
    public static CaseArea circle(double lat, double lon, double radiusM) {
        return new CaseArea(null, null, lat, lon, radiusM, Math.PI * radiusM * radiusM / 10_000.0);
    }

    /** The stored form back: the outline when there is one, else the circle. */
    public static CaseArea stored(String outline, double lat, double lon, Double radiusM, ObjectMapper json) {
        if (outline == null) {
            return circle(lat, lon, radiusM == null ? 0 : radiusM);
        }
        try {
            return polygon(json.readTree(outline), "outline", new ArrayList<>());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored outline is not JSON", e);
        }
    }

    /**
     * A GeoJSON Polygon, or null with violations on {@code field}: not a Polygon, rings not closed or with fewer than 4
     * positions, coordinates out of range, self-intersections, more than {@value #MAX_POSITIONS} positions.
     */
    public static CaseArea polygon(JsonNode node, String field, List<Violation> violations) {
        if (node == null || !node.isObject() || !"Polygon".equals(node.path("type").asText())
                || !node.path("coordinates").isArray() || node.path("coordinates").isEmpty()) {
            violations.add(new Violation(field, "must be a GeoJSON Polygon {\"type\": \"Polygon\", \"coordinates\": [[[lon, lat], …]]}"));
            return null;
        }
        JsonNode rings = node.get("coordinates");
        int positions = 0;
        LinearRing[] parsed = new LinearRing[rings.size()];
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            if (!ring.isArray() || ring.size() < 4) {
                violations.add(new Violation(field, "ring " + (r + 1) + " needs at least 4 positions (closed)"));
                return null;
            }
            positions += ring.size();
            if (positions > MAX_POSITIONS) {
                violations.add(new Violation(field, "has more than " + MAX_POSITIONS + " positions"));
                return null;
            }
            Coordinate[] coordinates = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                JsonNode p = ring.get(i);
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()
                        || Math.abs(p.get(0).asDouble()) > 180 || Math.abs(p.get(1).asDouble()) > 90) {
                    violations.add(new Violation(field, "ring " + (r + 1) + ", position " + (i + 1)
                            + " must be [lon, lat] with lon in [-180, 180] and lat in [-90, 90]"));
                    return null;
                }
                coordinates[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
            }
            if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
                violations.add(new Violation(field, "ring " + (r + 1) + " must end where it starts"));
                return null;
            }
            parsed[r] = FACTORY.createLinearRing(coordinates);
        }
        Polygon polygon = FACTORY.createPolygon(parsed[0], Arrays.copyOfRange(parsed, 1, parsed.length));
        TopologyValidationError error = new IsValidOp(polygon).getValidationError();
        if (error != null) {
            violations.add(new Violation(field, "is not a valid polygon: " + error.getMessage()));
            return null;
        }
        double squareMetres = ringArea(polygon.getExteriorRing());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            squareMetres -= ringArea(polygon.getInteriorRingN(h));
        }
        Point inside = polygon.getInteriorPoint();
        return new CaseArea(polygon, node.toString(), inside.getY(), inside.getX(), null, squareMetres / 10_000.0);
    }

    private static double ringArea(LinearRing ring) {
        PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
        Coordinate[] c = ring.getCoordinates();
        for (int i = 0; i < c.length - 1; i++) {
            area.AddPoint(c[i].y, c[i].x);
        }
        return Math.abs(area.Compute(false, true).area);
    }

    /** Whether a WGS-84 point lies in the area (on the boundary counts). */
    public boolean contains(double pointLat, double pointLon) {
        if (polygon != null) {
            return polygon.covers(FACTORY.createPoint(new Coordinate(pointLon, pointLat)));
        }
        return Geodesic.WGS84.Inverse(lat, lon, pointLat, pointLon).s12 <= radiusM;
    }

    /** The GeoJSON as given, or null for a circle. */
    public String outline() {
        return outline;
    }

    public double lat() {
        return lat;
    }

    public double lon() {
        return lon;
    }

    public Double radiusM() {
        return radiusM;
    }

    public double areaHa() {
        return areaHa;
    }
}
