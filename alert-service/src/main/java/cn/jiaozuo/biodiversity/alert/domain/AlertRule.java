package cn.jiaozuo.biodiversity.alert.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A stored alert rule with its tunable parameters (seeded by Flyway, edited by admins). */
@Entity
@Table(name = "alert_rule")
public class AlertRule {

    @Id
    @Enumerated(EnumType.STRING)
    public RuleCode id;

    public String description;

    public boolean enabled;

    /** Observations within the window that escalate a live alert to CRITICAL; null: never escalates. */
    @Column(name = "escalation_threshold")
    public Integer escalationThreshold;

    @Column(name = "escalation_window_days")
    public Integer escalationWindowDays;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;
}
