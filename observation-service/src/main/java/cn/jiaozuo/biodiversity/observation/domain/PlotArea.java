package cn.jiaozuo.biodiversity.observation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sampling plot as last announced on the {@code plots} topic (the local read model). */
@Entity
@Table(name = "plot_area")
public class PlotArea {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    @Id
    public String code;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(nullable = false)
    public String status;

    @Column(name = "geometry_json", nullable = false)
    public String geometryJson;

    @Column(name = "plot_updated_at")
    public Instant plotUpdatedAt;

    @Column(nullable = false)
    public long version;
}
