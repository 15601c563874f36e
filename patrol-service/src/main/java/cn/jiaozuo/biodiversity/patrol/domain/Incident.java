package cn.jiaozuo.biodiversity.patrol.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Something a patrol found: a snare, a fire, a carcass …, at a WGS-84 point. */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    public UUID uuid;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patrol_uuid")
    public Patrol patrol;

    /** Its place in the patrol's incidents as sent. */
    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_taken", nullable = false)
    public ActionTaken actionTaken;

    /** observation-service's catalog id, when the incident concerns a species (a snared 林麝). */
    @Column(name = "species_id")
    public Long speciesId;

    @Column(nullable = false)
    public double lat;

    @Column(nullable = false)
    public double lon;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(nullable = false)
    public int count;

    public String notes;

    /** The protected area the point lies in, as far as the outlines are known; kept current when they change. */
    @Column(name = "protected_area_id")
    public String protectedAreaId;

    /** The ranger who added it to the stored patrol (POST /patrols/{uuid}/incidents or a confirmed candidate), else null. */
    @Column(name = "added_by")
    public String addedBy;

    /** Of an incident added with the client's uuid: the fingerprint of what was sent, to tell a replay from a conflict. */
    @Column(name = "content_hash")
    public String contentHash;

    /** The datum an added incident's point was sent in, for its event (not stored: the patrol's datum says it for the rest). */
    @Transient
    public Datum sentDatum;

    @ElementCollection
    @CollectionTable(name = "incident_media", joinColumns = @JoinColumn(name = "incident_uuid"))
    @OrderColumn(name = "position")
    public List<MediaRef> media = new ArrayList<>();
}
