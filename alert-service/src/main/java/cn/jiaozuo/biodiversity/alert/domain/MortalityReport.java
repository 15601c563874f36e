package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * A mortality or morbidity report of wildlife disease surveillance (疫源疫病监测): animals found dead or sick at a
 * point and time. The exact point stays here (the cluster rule measures distances); reads generalize it for callers
 * not entitled to a sensitive species' point. Its alerts: the cluster it belongs to, and its own WILDLIFE_MORTALITY
 * alert (a protected species' carcass).
 */
@Entity
@Table(name = "mortality_report")
public class MortalityReport {

    /** The client's uuid. */
    @Id
    public UUID id;

    @Column(name = "species_id")
    public Long speciesId;

    @Column(name = "scientific_name")
    public String scientificName;

    @Column(name = "chinese_name")
    public String chineseName;

    @Enumerated(EnumType.STRING)
    @Column(name = "animal_group")
    public AnimalGroup animalGroup;

    /** The group the client sent; null when it was taken from the species. */
    @Enumerated(EnumType.STRING)
    @Column(name = "requested_group")
    public AnimalGroup requestedGroup;

    /** A sensitive species, or a species id this service does not know (it cannot tell, so it fails closed). */
    public boolean sensitive;

    /** A protected species (national class I or II, or sensitive) as the species read model shows it. */
    @Column(name = "protected")
    public boolean protectedSpecies;

    @Column(name = "dead_count")
    public int deadCount;

    @Column(name = "sick_count")
    public int sickCount;

    public double lat;

    public double lon;

    @Column(name = "accuracy_m")
    public Double accuracyM;

    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "observed_at")
    public OffsetDateTime observedAt;

    public String symptoms;

    @Column(name = "samples_taken")
    public boolean samplesTaken;

    /** The token subject that sent the report. */
    public String reporter;

    @Column(name = "station_id")
    public String stationId;

    @Column(name = "cluster_alert_id")
    public UUID clusterAlertId;

    @Column(name = "mortality_alert_id")
    public UUID mortalityAlertId;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /**
     * The id everyone may see and use: the client's uuid for an ordinary report; for a sensitive species' report a
     * random one, since a time-based client uuid carries its moment (V9__mortality_report_listing.sql).
     */
    @Column(name = "public_id")
    public UUID publicId;

    /** Where the report stands in the newest-first list: recordedAt, to the hour for a sensitive species. */
    @Column(name = "listed_at")
    public Instant listedAt;

    /** What from/to compare with for callers shown the report generalized: observedAt, to the hour if sensitive. */
    @Column(name = "listed_observed_at")
    public OffsetDateTime listedObservedAt;

    /** Sets the listing columns from {@code sensitive}, {@code observedAt} and {@code recordedAt}. */
    public void placeInLists() {
        publicId = sensitive ? UUID.randomUUID() : id;
        listedAt = sensitive ? recordedAt.truncatedTo(Alert.SENSITIVE_TIME_UNIT) : recordedAt;
        listedObservedAt = sensitive
                ? observedAt.toInstant().truncatedTo(Alert.SENSITIVE_TIME_UNIT).atOffset(ZoneOffset.UTC)
                : observedAt;
    }

    /** Whether the caller sees the exact point, times and people: not sensitive, or a reviewer, an admin or the reporter. */
    public boolean exactFor(Caller caller) {
        return !sensitive || entitledToAll(caller) || reporter.equals(caller.subject());
    }

    /** Reviewers and admins see every report exactly. */
    public static boolean entitledToAll(Caller caller) {
        return caller.hasAny(Roles.REVIEWER, Roles.ADMIN);
    }

    /** The id this caller is shown: the stored one when it sees the report exactly, otherwise the public one. */
    public UUID idFor(Caller caller) {
        return exactFor(caller) ? id : publicId;
    }

    /** Whether a retry under the same uuid is this report (the same reporter and fields). */
    public boolean sameAs(NewMortalityReport r, String caller) {
        return reporter.equals(caller) && Objects.equals(speciesId, r.speciesId()) && requestedGroup == r.group()
                && deadCount == r.deadCount() && sickCount == r.sickCount() && lat == r.lat() && lon == r.lon()
                && Objects.equals(accuracyM, r.accuracyM()) && countyCode.equals(r.countyCode())
                && observedAt.toInstant().equals(r.observedAt().toInstant()) && Objects.equals(symptoms, r.symptoms())
                && samplesTaken == r.samplesTaken() && Objects.equals(stationId, r.stationId());
    }
}
