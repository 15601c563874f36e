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
 * A stored observation. Rows are inserted with plain JDBC (one multi-row insert) and lists are read the same way (see
 * {@code ObservationRepository}); Hibernate reads single records and writes reviews.
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

    /** The row {@code o} is stored as: unverified, not reviewed; {@code mediaJson} is how the repository keeps its media. */
    public static Observation of(NewObservation o, String mediaJson) {
        Observation row = new Observation();
        row.uuid = o.uuid();
        row.speciesId = o.species().id();
        row.count = o.count();
        row.observedAt = o.observedAt().toInstant();
        row.observedOffsetSeconds = o.observedAt().getOffset().getTotalSeconds();
        row.recordedAt = o.recordedAt();
        row.lat = o.lat();
        row.lon = o.lon();
        row.accuracyM = o.accuracyM();
        row.originalDatum = o.originalDatum();
        row.originalLat = o.originalLat();
        row.originalLon = o.originalLon();
        row.countyCode = o.countyCode();
        row.plotCode = o.plotCode();
        row.method = o.method();
        row.stationId = o.stationId();
        row.notes = o.notes();
        row.mediaJson = mediaJson;
        row.observer = o.observer();
        row.source = o.source();
        row.status = ObservationStatus.UNVERIFIED;
        row.contentHash = o.contentHash();
        return row;
    }

    public OffsetDateTime observedAtWithOffset() {
        return observedAt.atOffset(ZoneOffset.ofTotalSeconds(observedOffsetSeconds));
    }
}
