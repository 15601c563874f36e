package cn.jiaozuo.biodiversity.plot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A sampling plot: a validated WGS-84 polygon in one county, surveyed at a fixed interval. */
@Entity
@Table(name = "plot")
public class Plot {

    /** {@code <countyCode>-<NN>}, assigned by the server and never reused. */
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Ecosystem ecosystem;

    @Convert(converter = MethodsConverter.class)
    @Column(nullable = false)
    public List<SurveyMethod> methods;

    /** GeoJSON as validated and normalized (type + coordinates only). */
    @Column(nullable = false)
    public String geometry;

    @Column(name = "area_ha", nullable = false)
    public double areaHa;

    @Column(name = "protected_area_id")
    public String protectedAreaId;

    @Column(name = "established_on")
    public LocalDate establishedOn;

    @Column(name = "survey_interval_days", nullable = false)
    public int surveyIntervalDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlotStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Version
    public int version;

    public boolean isActive() {
        return status == PlotStatus.ACTIVE;
    }
}
