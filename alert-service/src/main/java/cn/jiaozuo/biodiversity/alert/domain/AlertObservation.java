package cn.jiaozuo.biodiversity.alert.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An observation attached to an alert; a rejected review marks it withdrawn (kept for the record). */
@Entity
@Table(name = "alert_observation")
public class AlertObservation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id")
    public UUID alertId;

    @Column(name = "observation_uuid")
    public UUID observationUuid;

    @Column(name = "observed_at")
    public OffsetDateTime observedAt;

    /** Individuals counted in the observation. */
    public int individuals;

    public boolean withdrawn;
}
