package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.events.SurveySnapshot;
import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One field visit to a plot. */
@Entity
@Table(name = "survey")
public class Survey {

    @Id
    public UUID id;

    @Column(name = "plot_code", nullable = false)
    public String plotCode;

    @Column(name = "visited_on", nullable = false)
    public LocalDate visitedOn;

    @Column(nullable = false)
    public String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SurveyMethod method;

    @Column(name = "effort_hours", nullable = false, precision = 6, scale = 2)
    public BigDecimal effortHours;

    public String notes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Whether its {@code SurveyRecorded} is in the outbox (see {@link SurveyBacklog}). */
    @Column(nullable = false)
    public boolean published;

    /** The event payload: no team and no notes (names of people stay in the registry). */
    public SurveySnapshot snapshot(String countyCode, PriorityArea priorityArea) {
        return new SurveySnapshot(id.toString(), plotCode, countyCode, priorityArea == null ? null : priorityArea.name(),
                visitedOn, method.name(), effortHours, createdAt);
    }
}
