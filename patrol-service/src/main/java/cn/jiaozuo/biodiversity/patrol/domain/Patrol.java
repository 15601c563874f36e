package cn.jiaozuo.biodiversity.patrol.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** A patrol as stored: what the ranger declared, and the effort derived from its cleaned track. */
@Entity
@Table(name = "patrol")
public class Patrol {

    @Id
    public UUID uuid;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PatrolSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Mandate mandate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Transport transport;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Datum datum;

    public String notes;

    @Column(name = "distance_m", nullable = false)
    public double distanceM;

    @Column(name = "track_points", nullable = false)
    public int trackPoints;

    @Column(name = "kept_points", nullable = false)
    public int keptPoints;

    @Column(name = "dropped_points", nullable = false)
    public int droppedPoints;

    @Column(nullable = false)
    public int splits;

    @Column(name = "speed_checked", nullable = false)
    public boolean speedChecked;

    @Column(name = "max_speed_kmh", nullable = false)
    public double maxSpeedKmh;

    @Column(name = "incident_count", nullable = false)
    public int incidentCount;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "gpx_sha256")
    public String gpxSha256;

    /** The kept track's box, so that an outline change re-splits only the patrols it may concern; null without points. */
    @Column(name = "min_lat")
    public Double minLat;

    @Column(name = "min_lon")
    public Double minLon;

    @Column(name = "max_lat")
    public Double maxLat;

    @Column(name = "max_lon")
    public Double maxLon;

    @ElementCollection
    @BatchSize(size = 100) // a page of patrols loads its teams in one query, not one each
    @CollectionTable(name = "patrol_member", joinColumns = @JoinColumn(name = "patrol_uuid"))
    @OrderColumn(name = "position")
    @Column(name = "subject", nullable = false)
    public List<String> team = new ArrayList<>();

    @OneToMany(mappedBy = "patrol", cascade = CascadeType.ALL)
    @OrderBy("position")
    public List<Incident> incidents = new ArrayList<>();

    @OneToMany(mappedBy = "patrol", cascade = CascadeType.ALL)
    @OrderBy("position")
    public List<IncidentCandidate> candidates = new ArrayList<>();

    public double distanceKm() {
        return Math.round(distanceM) / 1000.0;
    }

    /** Declared duration, endedAt − startedAt, in hours to the second. */
    public double durationHours() {
        return Duration.between(startedAt, endedAt).toSeconds() / 3600.0;
    }
}
