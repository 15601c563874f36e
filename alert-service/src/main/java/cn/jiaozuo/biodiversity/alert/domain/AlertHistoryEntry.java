package cn.jiaozuo.biodiversity.alert.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of an alert's history: what happened, when, and who (a user or {@code system}). */
@Entity
@Table(name = "alert_history")
public class AlertHistoryEntry {

    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @jakarta.persistence.Column(name = "alert_id")
    public UUID alertId;

    public Instant at;

    public String action;

    public String actor;

    public String details;

    public static AlertHistoryEntry of(Alert alert, String action, String actor, String details) {
        AlertHistoryEntry entry = new AlertHistoryEntry();
        entry.alertId = alert.id;
        entry.at = alert.updatedAt;
        entry.action = action;
        entry.actor = actor;
        entry.details = details;
        return entry;
    }
}
