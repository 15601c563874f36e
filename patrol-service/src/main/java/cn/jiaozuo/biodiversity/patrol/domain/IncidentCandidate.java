package cn.jiaozuo.biodiversity.patrol.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A waypoint of an uploaded GPX file: a place the ranger marked on the unit, not yet an incident (a handheld's
 * waypoint says where, rarely what). {@code suggestedType} is set when its type, name or description names one.
 */
@Entity
@Table(name = "incident_candidate")
public class IncidentCandidate {

    @Id
    public UUID uuid;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patrol_uuid")
    public Patrol patrol;

    /** Its place among the file's waypoints. */
    @Column(nullable = false)
    public int position;

    public String name;

    public String description;

    public String symbol;

    @Column(nullable = false)
    public double lat;

    @Column(nullable = false)
    public double lon;

    @Column(name = "marked_at")
    public Instant markedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "suggested_type")
    public IncidentType suggestedType;

    /** The incident it was confirmed as, once someone said what it was. */
    @Column(name = "incident_uuid")
    public UUID incidentUuid;
}
