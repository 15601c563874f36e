package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An alert: the observations of one rule, species and county (and day, for protected species)
 * aggregated while it is live; or, rule ENFORCEMENT, one incident a patrol reported; or DISEASE_CLUSTER /
 * WILDLIFE_MORTALITY, mortality reports of wildlife disease surveillance. The consumer changes aggregation, REST changes the lifecycle; both
 * lock the row ({@code SELECT … FOR UPDATE}) and {@link #version} guards against anything else.
 */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public RuleCode rule;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public AlertStatus status;

    /** Null on an ENFORCEMENT alert whose incident concerns no species. */
    @Column(name = "species_id")
    public Long speciesId;

    @Column(name = "scientific_name")
    public String scientificName;

    @Column(name = "chinese_name")
    public String chineseName;

    @Column(name = "species_group")
    public String speciesGroup;

    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "plot_code")
    public String plotCode;

    /** The local day (Asia/Shanghai) PROTECTED_SPECIES alerts aggregate over; null for other rules. */
    @Column(name = "aggregation_day")
    public LocalDate aggregationDay;

    @Column(name = "observation_count")
    public int observationCount;

    @Column(name = "first_observed_at")
    public OffsetDateTime firstObservedAt;

    @Column(name = "last_observed_at")
    public OffsetDateTime lastObservedAt;

    public double lat;

    public double lon;

    @Column(name = "accuracy_m")
    public Double accuracyM;

    /** True when lat/lon are a generalized cell centre (sensitive species). */
    public boolean obscured;

    /** Escalation happens once per alert. */
    public boolean escalated;

    /** ENFORCEMENT: the incident behind the alert (null for the other rules). */
    @Column(name = "incident_uuid")
    public UUID incidentUuid;

    @Column(name = "patrol_uuid")
    public UUID patrolUuid;

    @Column(name = "incident_type")
    public String incidentType;

    /** How many (snares, traps …) the incident counted. */
    @Column(name = "incident_count")
    public Integer incidentCount;

    @Column(name = "action_taken")
    public String actionTaken;

    @Column(name = "protected_area_id")
    public String protectedAreaId;

    /** Why the alert has its severity (ENFORCEMENT); free of anything finer than what the alert shows. */
    public String reason;

    @Enumerated(EnumType.STRING)
    public Resolution resolution;

    public String notes;

    /** DISEASE_CLUSTER, WILDLIFE_MORTALITY: the mortality reports the alert covers (null for the other rules). */
    @Column(name = "report_count")
    public Integer reportCount;

    @Column(name = "dead_count")
    public Integer deadCount;

    @Column(name = "sick_count")
    public Integer sickCount;

    /** The pathogen of the first POSITIVE sample of its reports (e.g. H5N1). */
    public String pathogen;

    /** Who the alert is for: null = every matching subscription; an org = only that organisation's (reminders). */
    @Column(name = "audience_org")
    public String audienceOrg;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * How precisely a sensitive species' alert keeps its times. Its point is a 0.1° cell; an exact time
     * would undo that, because the observer's other records (not sensitive, exact points) made in the
     * same minutes lie next to it, and the service's own times (created, updated, history) are within
     * seconds of the record's arrival. To the hour, the bureau still sees how recent it is.
     */
    public static final ChronoUnit SENSITIVE_TIME_UNIT = ChronoUnit.HOURS;

    public void touch() {
        updatedAt = now();
    }

    /** The current time as this alert stores it: to the hour when {@link #obscured}. */
    public Instant now() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return obscured ? now.truncatedTo(SENSITIVE_TIME_UNIT) : now;
    }

    /** An observation time as this alert stores it: to the hour when {@link #obscured}. */
    public OffsetDateTime observedTime(OffsetDateTime observedAt) {
        return obscured ? observedAt.truncatedTo(SENSITIVE_TIME_UNIT) : observedAt;
    }

    public AlertSnapshot toSnapshot() {
        return new AlertSnapshot(id, rule.name(), severity.name(), status.name(), speciesId, scientificName,
                chineseName, speciesGroup, countyCode, plotCode, observationCount, firstObservedAt, lastObservedAt,
                new AlertSnapshot.AlertLocation(lat, lon, accuracyM, obscured),
                resolution == null ? null : resolution.name(), notes, createdAt, updatedAt, reason, incident(), disease());
    }

    /** The disease figures of a DISEASE_CLUSTER or WILDLIFE_MORTALITY alert; null for the other rules. */
    public AlertSnapshot.Disease disease() {
        return reportCount == null ? null : new AlertSnapshot.Disease(reportCount, deadCount == null ? 0 : deadCount,
                sickCount == null ? 0 : sickCount, pathogen);
    }

    /**
     * The incident as the alert may show it; on an obscured alert without patrol, incident and protected area, which
     * lead to the exact point (the patrol's incidents and track are in patrol-service; a protected area may be smaller
     * than the 0.1° cell).
     */
    public AlertSnapshot.Incident incident() {
        if (incidentType == null) {
            return null;
        }
        return obscured ? new AlertSnapshot.Incident(incidentType, incidentCount, actionTaken, null, null, null)
                : new AlertSnapshot.Incident(incidentType, incidentCount, actionTaken, protectedAreaId, patrolUuid,
                        incidentUuid);
    }
}
