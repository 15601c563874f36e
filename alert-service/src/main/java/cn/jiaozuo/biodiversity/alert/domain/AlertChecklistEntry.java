package cn.jiaozuo.biodiversity.alert.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A step of the emergency checklist done on a disease alert: who did it and when. */
@Entity
@Table(name = "alert_checklist")
@IdClass(AlertChecklistEntry.Key.class)
public class AlertChecklistEntry {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;

    @Id
    @Enumerated(EnumType.STRING)
    public ChecklistStep step;

    @Column(name = "done_by")
    public String doneBy;

    @Column(name = "done_at")
    public Instant doneAt;

    public String notes;

    public static class Key implements Serializable {

        public UUID alertId;
        public ChecklistStep step;

        public Key() {
        }

        public Key(UUID alertId, ChecklistStep step) {
            this.alertId = alertId;
            this.step = step;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(alertId, k.alertId) && step == k.step;
        }

        @Override
        public int hashCode() {
            return Objects.hash(alertId, step);
        }
    }
}
