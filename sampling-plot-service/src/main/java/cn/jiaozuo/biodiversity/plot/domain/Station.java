package cn.jiaozuo.biodiversity.plot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An automatic monitoring station (camera trap, acoustic recorder) on a plot. */
@Entity
@Table(name = "station")
public class Station {

    /** The id the station's uploads carry as {@code stationId}. */
    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StationType type;

    @Column(name = "plot_code", nullable = false)
    public String plotCode;

    @Column(nullable = false)
    public double lat;

    @Column(nullable = false)
    public double lon;

    @Column(name = "installed_on", nullable = false)
    public LocalDate installedOn;

    /**
     * The token subject ({@code sub} claim) the station uploads with; null for a station registered before
     * stations were bound, until an admin binds it. Only this identity's uploads count as the station's.
     */
    @Column
    public String subject;

    /** When observation-service last recorded an upload from this station's identity; null before the first. */
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the registry entry last changed (registration, binding, move); orders its StationUpserted events. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
