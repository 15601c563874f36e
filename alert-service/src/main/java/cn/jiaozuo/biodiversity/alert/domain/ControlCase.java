package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.common.events.ControlCaseSnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invasive-species control case: one infestation (an outline, or a point with a radius), its status and the unit
 * responsible for it. Actions and follow-ups are rows of their own; the dates kept here (last action, follow-up,
 * positive finding) are what the status rules and the reminder pass need without reading them all.
 */
@Entity
@Table(name = "control_case")
public class ControlCase {

    @Id
    public UUID id;

    @Column(name = "species_id")
    public long speciesId;

    @Column(name = "scientific_name")
    public String scientificName;

    @Column(name = "chinese_name")
    public String chineseName;

    @Column(name = "county_code")
    public String countyCode;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public ControlCaseStatus status;

    /** The organisation (token claim org) that handles the case and receives its reminders. */
    @Column(name = "responsible_org")
    public String responsibleOrg;

    @Column(name = "alert_id")
    public UUID alertId;

    /** GeoJSON Polygon; null when the area is the circle {@link #lat}/{@link #lon} + {@link #radiusM}. */
    public String outline;

    /** The circle's centre, or a point inside the outline. */
    public double lat;

    public double lon;

    @Column(name = "radius_m")
    public Double radiusM;

    @Column(name = "area_ha")
    public double areaHa;

    @Column(name = "last_positive_on")
    public LocalDate lastPositiveOn;

    @Column(name = "last_action_on")
    public LocalDate lastActionOn;

    @Column(name = "last_follow_up_on")
    public LocalDate lastFollowUpOn;

    @Column(name = "eradicated_on")
    public LocalDate eradicatedOn;

    public String notes;

    /** Why, who and when, once CLOSED by hand. */
    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public ControlCaseSnapshot toSnapshot(ControlCaseStatus previous, String reason) {
        return new ControlCaseSnapshot(id, status.name(), previous == null ? null : previous.name(), reason, speciesId,
                scientificName, chineseName, countyCode, severity.name(), responsibleOrg, areaHa, lat, lon, alertId,
                eradicatedOn, openedAt, updatedAt);
    }
}
