package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.common.events.ControlActionSnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One control action against a case; {@link #id} is the recording app's uuid. */
@Entity
@Table(name = "control_action")
public class ControlAction {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "performed_on")
    public LocalDate performedOn;

    @Enumerated(EnumType.STRING)
    public ControlMethod method;

    @Column(name = "treated_area_ha")
    public double treatedAreaHa;

    /** GeoJSON Polygon of the treated area, when the team drew one. */
    @Column(name = "treated_outline")
    public String treatedOutline;

    public BigDecimal quantity;

    public String unit;

    public String team;

    public String notes;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** Whether a retry carries the same action (a replay) rather than a different one under the same uuid. */
    public boolean sameAs(UUID caseId, NewControlAction a) {
        return this.caseId.equals(caseId) && performedOn.equals(a.performedOn()) && method == a.method()
                && treatedAreaHa == a.treatedAreaHa() && Objects.equals(treatedOutline, a.treatedOutline())
                && (quantity == null ? a.quantity() == null : a.quantity() != null && quantity.compareTo(a.quantity()) == 0)
                && Objects.equals(unit, a.unit()) && Objects.equals(team, a.team()) && Objects.equals(notes, a.notes());
    }

    public ControlActionSnapshot toSnapshot(ControlCase c) {
        return new ControlActionSnapshot(id, caseId, c.speciesId, c.countyCode, performedOn, method.name(), treatedAreaHa,
                quantity, unit, team, recordedBy, recordedAt);
    }
}
