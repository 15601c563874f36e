package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.PublicObservation;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.geo.Geoprivacy;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.ObservationFilter.Concealed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a caller may learn about an observation: the one rule every read path applies (the JSON list and single reads,
 * GeoJSON, CSV, the Darwin Core Archive, the indicators and the {@code observations.public} topic).
 *
 * <p><b>Who gets a record generalized:</b> records of a sensitive species (the catalog's flag), for every caller but
 * the record's observer, reviewers and admins; rangers, stations and the bureaus too.
 *
 * <p><b>The rule:</b> for such a caller nothing in or around a generalized record may narrow it below its 0.1° cell
 * and its day, or tie it to a record that is shown more precisely. So a generalized record is shown with
 * <ul>
 * <li>the cell centre and an accuracy that covers the cell ({@link Geoprivacy});</li>
 * <li>its day in China ({@code observedOn}) instead of {@code observedAt}; no {@code recordedAt} or {@code reviewedAt}:
 * an upload's records share their recording instant, and the exact record of a camera's batch would give the
 * leopard's place;</li>
 * <li>a keyed pseudonym as its id ({@link PublicIds}): client uuids may embed the time (v1, v7) or the deployment and
 * observationID (Camtrap DP imports);</li>
 * <li>no plot, station, observer, source or method, notes, media, reviewer or review comment: each names or points
 * at a place, a device or a person that other, exact records show with their point (a camera-trap record of that
 * day in that cell points at the cameras there);</li>
 * <li>the species, count, county, status and {@code coordinatesObscured} stay.</li>
 * </ul>
 * and a query may select only on what the caller sees: filters on a withheld field (plot, observer, method) leave
 * generalized records out ({@link #restrict}); time filters and the order compare a sensitive species' records by
 * the start of their China day (the {@code listed_at} column, see {@code V4__disclosure.sql}), so neither a
 * {@code from}/{@code to} bisection nor the position between exact records tells the time of day. And a generalized
 * record is released only at the end of its release slot ({@link #releaseAfter}, by default the next midnight in
 * China): before, those who get it generalized do not see it at all ({@link #restrict}, {@link #visible}, the
 * indicators), and its event on the public topic is held back until then, so the moment it appears cannot tie it to
 * the exact records of the same upload.
 *
 * <p>Pure: no I/O, no CDI; {@code DisclosureSetup} builds the one instance.
 */
public final class Disclosure {

    /** Days are China's days. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PublicIds ids;
    private final Duration releaseInterval;

    /**
     * @param releaseInterval generalized records are released at the end of the slot of this length they were recorded
     *                        in (slots start at midnight in China; a day at most)
     */
    public Disclosure(PublicIds ids, Duration releaseInterval) {
        if (releaseInterval.isNegative() || releaseInterval.isZero() || releaseInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("The release interval must lie between 1 ms and 1 day");
        }
        this.ids = ids;
        this.releaseInterval = releaseInterval;
    }

    /** Everything stored about an observation (fields a read path does not have may be null). */
    public record Facts(UUID uuid, SpeciesSnapshot species, int count, OffsetDateTime observedAt, Instant recordedAt,
            double lat, double lon, Double accuracyM, String originalDatum, String countyCode, String plotCode, String method,
            String stationId, String notes, List<MediaRef> media, String observer, String source, String status,
            String reviewer, String reviewComment, Instant reviewedAt) {

        public static Facts of(Observation o, SpeciesSnapshot species, List<MediaRef> media) {
            return new Facts(o.uuid, species, o.count, o.observedAtWithOffset(), o.recordedAt, o.lat, o.lon, o.accuracyM,
                    o.originalDatum.name(), o.countyCode, o.plotCode, o.method.name(), o.stationId, o.notes, media, o.observer,
                    o.source.name(), o.status.name(), o.reviewer, o.reviewComment, o.reviewedAt);
        }

        /** A record just stored. */
        public static Facts of(NewObservation o) {
            return of(Observation.of(o, null), o.species(), o.media());
        }

        /** The payload of {@code observations}: everything, exact (the one place that event's data is built). */
        public ObservationSnapshot snapshot() {
            return new ObservationSnapshot(uuid, species, count, observedAt, recordedAt,
                    new GeoPoint(lat, lon, accuracyM, originalDatum), countyCode, plotCode, method, stationId, observer, source,
                    status, reviewer, reviewComment, reviewedAt);
        }
    }

    /**
     * A record as one caller may see it. {@code uuid} is the id to show (the public id when generalized);
     * {@code publicId} is the id under which those who get it generalized see it (the uuid itself for other species).
     * Withheld fields are null, {@code media} is then empty.
     */
    public record Shown(UUID uuid, UUID publicId, SpeciesSnapshot species, int count, OffsetDateTime observedAt,
            LocalDate observedOn, Instant recordedAt, double lat, double lon, Double accuracyM, String originalDatum,
            String countyCode, String plotCode, String method, String stationId, String notes, List<MediaRef> media,
            String observer, String source, String status, String reviewer, String reviewComment, Instant reviewedAt,
            boolean generalized) {

        /** The payload of {@code observations.public}: this record as shown to {@link Caller#ANONYMOUS}. */
        public PublicObservation toPublicEvent() {
            return new PublicObservation(uuid, species, count, observedAt, observedOn, recordedAt,
                    new GeoPoint(lat, lon, accuracyM, originalDatum), countyCode, plotCode, method, stationId, notes,
                    media.stream().map(m -> new PublicObservation.Media(m.url(), m.sha256())).toList(), observer, source,
                    status, reviewer, reviewComment, reviewedAt, generalized);
        }
    }

    /** Reviewers and admins see the exact point (and plot and station) of every record. */
    public static boolean seesAllExactPoints(Caller caller) {
        return caller.has(Roles.REVIEWER) || caller.has(Roles.ADMIN);
    }

    /** Whether {@code caller} sees the exact point of a sensitive species recorded by {@code observer}. */
    public static boolean seesExactPointOf(Caller caller, String observer) {
        return seesAllExactPoints(caller) || (caller.subject() != null && caller.subject().equals(observer));
    }

    /** Whether {@code caller} gets a record of {@code species} by {@code observer} generalized. */
    public static boolean generalizes(SpeciesSnapshot species, String observer, Caller caller) {
        return species.sensitive() && !seesExactPointOf(caller, observer);
    }

    /** {@code facts} as {@code caller} may see them. */
    public Shown show(Facts f, Caller caller) {
        UUID publicId = f.species().sensitive() ? ids.of(f.uuid()) : f.uuid();
        LocalDate observedOn = f.observedAt().atZoneSameInstant(CHINA).toLocalDate();
        List<MediaRef> media = f.media() == null ? List.of() : f.media();
        if (!generalizes(f.species(), f.observer(), caller)) {
            return new Shown(f.uuid(), publicId, f.species(), f.count(), f.observedAt(), observedOn, f.recordedAt(), f.lat(),
                    f.lon(), f.accuracyM(), f.originalDatum(), f.countyCode(), f.plotCode(), f.method(), f.stationId(),
                    f.notes(), media, f.observer(), f.source(), f.status(), f.reviewer(), f.reviewComment(), f.reviewedAt(),
                    false);
        }
        Geoprivacy.GeneralizedPoint cell = Geoprivacy.generalize(f.lat(), f.lon(), f.accuracyM());
        return new Shown(publicId, publicId, f.species(), f.count(), null, observedOn, null, cell.lat(), cell.lon(),
                cell.accuracyM(), null, f.countyCode(), null, null, null, null, List.of(), null, null, f.status(), null,
                null, null, true);
    }

    /**
     * The stored uuid a caller may have meant by {@code id} when it is not a stored uuid this caller may address:
     * the id decoded as a public id.
     */
    public UUID uuidOfPublicId(UUID id) {
        return ids.uuidOf(id);
    }

    /**
     * {@code filter} as {@code caller} may run it at {@code now}. A filter on a field that a generalized record does not
     * show (plot, observer, method) would tell that the sensitive species was in that plot, seen by that camera's
     * station or caught by a camera, so such filters leave out the records this caller gets generalized (the same rule
     * as {@link #generalizes}: the caller's own records stay). Any other filter leaves out those not released yet
     * ({@link #releasedBefore}). Reviewers and admins are unrestricted.
     *
     * @param sensitiveSpecies the catalog's sensitive species ids
     */
    public ObservationFilter restrict(ObservationFilter filter, Caller caller, Set<Long> sensitiveSpecies, Instant now) {
        if (seesAllExactPoints(caller) || sensitiveSpecies.isEmpty()) {
            return filter;
        }
        boolean selectsOnWithheld = filter.plotCode() != null || filter.observer() != null || filter.method() != null;
        return filter.concealing(new Concealed(sensitiveSpecies, caller.subject(), selectsOnWithheld ? null : releasedBefore(now)));
    }

    /**
     * {@code filter} for the indicators of {@code caller} at {@code now}: without the records of sensitive species not
     * released yet (also the caller's own), unless the caller is a reviewer or an admin. A figure that moved at the
     * moment of an upload would tie the sensitive record to the exact ones uploaded with it.
     */
    public ObservationFilter released(ObservationFilter filter, Caller caller, Set<Long> sensitiveSpecies, Instant now) {
        if (seesAllExactPoints(caller) || sensitiveSpecies.isEmpty()) {
            return filter;
        }
        return filter.concealing(new Concealed(sensitiveSpecies, null, releasedBefore(now)));
    }

    /**
     * Whether {@code caller} may see a record at all at {@code now}: a record it gets generalized only once released.
     */
    public boolean visible(SpeciesSnapshot species, String observer, Instant recordedAt, Caller caller, Instant now) {
        return !generalizes(species, observer, caller) || recordedAt.isBefore(releasedBefore(now));
    }

    /**
     * Indicators: whether {@code caller} may learn which sensitive species were recorded inside sampling plots. A plot
     * is far smaller than the cell (and a county may have a single one), so only reviewers and admins may.
     */
    public static boolean seesSensitiveSpeciesInPlots(Caller caller) {
        return seesAllExactPoints(caller);
    }

    /**
     * When a generalized record written at {@code now} is released: the end of the current release slot (by default the
     * next midnight in China). Its event goes out on {@code observations.public} then, and only then do those who get it
     * generalized see it in any read (lists, exports, indicators). Appearing at once, next to the exact records of the
     * same upload which are shown and published at once, its timing would tie it to them (polling the list or the topic
     * is enough); released with the others of its slot, it says no more than its day.
     */
    public Instant releaseAfter(Instant now) {
        Instant slotStart = releasedBefore(now);
        Instant slotEnd = slotStart.plus(releaseInterval);
        Instant nextDay = now.atZone(CHINA).toLocalDate().plusDays(1).atStartOfDay(CHINA).toInstant();
        return slotEnd.isAfter(nextDay) ? nextDay : slotEnd;
    }

    /**
     * The start of the current release slot: generalized records recorded before it are released at {@code now}, those
     * recorded since are not yet ({@link #releaseAfter} of each of them lies ahead).
     */
    public Instant releasedBefore(Instant now) {
        Instant day = now.atZone(CHINA).toLocalDate().atStartOfDay(CHINA).toInstant();
        long interval = releaseInterval.toMillis();
        return day.plusMillis(Duration.between(day, now).toMillis() / interval * interval);
    }
}
