package cn.jiaozuo.biodiversity.plot.domain;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Area of a WGS-84 polygon on the ellipsoid. Each latitude is mapped to its authalic latitude β and
 * the ring is measured in Lambert's cylindrical equal-area projection (x = λ, y = sin β) scaled by
 * the authalic radius: that projection preserves area exactly, so the only approximation is that
 * edges are straight in it rather than geodesics — far below a square metre for plot-sized edges.
 */
public final class GeodesicArea {

    /** WGS-84 semi-major axis and flattening. */
    static final double A = 6_378_137.0;
    static final double F = 1 / 298.257_223_563;
    static final double E2 = F * (2 - F);
    static final double E = Math.sqrt(E2);
    /** q at the pole; the authalic radius is a·sqrt(qp/2) ≈ 6 371 007.2 m. */
    static final double QP = q(Math.PI / 2);
    public static final double AUTHALIC_RADIUS = A * Math.sqrt(QP / 2);

    private GeodesicArea() {
    }

    /** Area in hectares of a Polygon or MultiPolygon with lon/lat coordinates; holes are subtracted. */
    public static double hectares(Geometry geometry) {
        double squareMetres = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(i);
            squareMetres += ringArea(polygon.getExteriorRing());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                squareMetres -= ringArea(polygon.getInteriorRingN(h));
            }
        }
        return squareMetres / 10_000.0;
    }

    /** Unsigned area of one closed ring in square metres (shoelace in the equal-area projection). */
    static double ringArea(LinearRing ring) {
        Coordinate[] c = ring.getCoordinates();
        double sum = 0;
        for (int i = 0; i < c.length - 1; i++) {
            double lon1 = Math.toRadians(c[i].x);
            double lon2 = Math.toRadians(c[i + 1].x);
            double y1 = sinAuthalic(Math.toRadians(c[i].y));
            double y2 = sinAuthalic(Math.toRadians(c[i + 1].y));
            sum += (lon2 - lon1) * (y1 + y2);
        }
        return Math.abs(sum) / 2 * AUTHALIC_RADIUS * AUTHALIC_RADIUS;
    }

    /** sin β = q(φ) / q(π/2) (Snyder, Map Projections — A Working Manual, eq. 3-11/3-12). */
    static double sinAuthalic(double phi) {
        return q(phi) / QP;
    }

    private static double q(double phi) {
        double s = Math.sin(phi);
        double es = E * s;
        return (1 - E2) * (s / (1 - E2 * s * s) - Math.log((1 - es) / (1 + es)) / (2 * E));
    }
}
