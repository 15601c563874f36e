package cn.jiaozuo.biodiversity.patrol.domain;

import cn.jiaozuo.biodiversity.common.geo.GeoJsonShapes;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** An active area of the read model with its outline in JTS ({@code x} longitude, {@code y} latitude, WGS-84). */
public record Area(AreaKind kind, String id, String name, Geometry geometry, PreparedGeometry prepared) {

    public static Area of(AreaKind kind, String id, String name, Geometry geometry) {
        return new Area(kind, id, name, geometry, PreparedGeometryFactory.prepare(geometry));
    }

    public Envelope envelope() {
        return geometry.getEnvelopeInternal();
    }

    /** Whether the WGS-84 point lies inside or on the outline. */
    public boolean covers(double lat, double lon) {
        return envelope().covers(lon, lat) && prepared.covers(GeoJsonShapes.FACTORY.createPoint(new Coordinate(lon, lat)));
    }
}
