package cn.jiaozuo.biodiversity.plot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The stored outline of a county or a protected area: GeoJSON Polygon or MultiPolygon in WGS-84 (GCJ-02 input
 * converted), as the service answers and publishes it. One table per kind, so each row references its area.
 */
@MappedSuperclass
public abstract class AreaOutline {

    @Column(nullable = false)
    public String geometry;

    /** The datum the client sent, WGS84 or GCJ02; the geometry is WGS-84 either way. */
    @Column(nullable = false)
    public String datum;

    @Column(nullable = false)
    public String source;

    @Column(name = "area_ha", nullable = false)
    public double areaHa;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
