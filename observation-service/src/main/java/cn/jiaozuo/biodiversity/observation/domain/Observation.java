package cn.jiaozuo.biodiversity.observation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A stored observation. Rows are inserted with plain JDBC batches (see {@code ObservationRepository});
 * the entity serves reads and reviews.
 */
@Entity
@Table(name = "observation")
public class Observation {

    @Id
    public UUID uuid;

    @Column(name = "species_id", nullable = false)
    public long speciesId;

    @Column(name = "individual_count", nullable = false)
    public int count;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(name = "observed_offset_s", nullable = false)
    public int observedOffsetSeconds;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public double lat;

    @Column(nullable = false)
    public double lon;

    @Column(name = "accuracy_m")
    public Double accuracyM;

    @Enumerated(EnumType.STRING)
    @Column(name = "original_datum", nullable = false)
    public Datum originalDatum;

    @Column(name = "original_lat", nullable = false)
    public double originalLat;

    @Column(name = "original_lon", nullable = false)
    public double originalLon;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(name = "plot_code")
    public String plotCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObservationMethod method;

    @Column(name = "station_id")
    public String stationId;

    public String notes;

    @Column(name = "media_json")
    public String mediaJson;

    @Column(nullable = false)
    public String observer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObservationSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObservationStatus status;

    public String reviewer;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** Its place in lists and time filters (see {@link Disclosure}); set by the database, never written from here. */
    @Column(name = "listed_at", insertable = false, updatable = false)
    public Instant listedAt;

    @Column(name = "listed_key", insertable = false, updatable = false)
    public UUID listedKey;

    public OffsetDateTime observedAtWithOffset() {
        return observedAt.atOffset(ZoneOffset.ofTotalSeconds(observedOffsetSeconds));
    }
}
