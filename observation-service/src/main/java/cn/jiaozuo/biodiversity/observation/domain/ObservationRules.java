package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.geo.Gcj02;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.config.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The intake rules: turns a {@link RecordObservation} into a {@link NewObservation} (WGS-84 point, species, county
 * and plot resolved) or into the list of violations, each naming its field (as in a single post; a batch puts them
 * under {@code items[i]}). Used alike by single posts, batches and Camtrap DP imports. Never touches the database.
 */
@ApplicationScoped
public class ObservationRules {

    /** Older records are data-entry mistakes (and far-off years overflow PostgreSQL's timestamps). */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /**
     * An omitted county that neither a plot nor a single county outline supplies. Near a boundary the coarse outlines
     * overlap or leave gaps, so the client must say.
     */
    static final String COUNTY_NOT_DERIVED = "could not be derived from the point (it lies in no sampling plot and in"
            + " no single county outline, e.g. near a county boundary) and must be given";

    /** Alike for an unknown station and one bound to someone else: the answer tells nothing about either. */
    static final String STATION_NOT_BOUND = "must name a station registered in sampling-plot-service and bound to the"
            + " identity of this token; a new registration takes a few seconds to arrive here";

    private final Validator validator;
    private final SpeciesCatalog catalog;
    private final PlotIndex plots;
    private final CountyOutlines counties;
    private final StationBindings stations;
    private final IntakeConfig config;

    public ObservationRules(Validator validator, SpeciesCatalog catalog, PlotIndex plots, CountyOutlines counties,
            StationBindings stations, IntakeConfig config) {
        this.validator = validator;
        this.catalog = catalog;
        this.plots = plots;
        this.counties = counties;
        this.stations = stations;
        this.config = config;
    }

    /**
     * Whether a caller may upload naming a station bound to {@code boundSubject} (null: unknown or unbound):
     * only the station's own identity, or an admin. Otherwise anyone could keep a stolen or silent camera
     * looking alive, or put records under its name.
     */
    public static boolean mayNameStation(String boundSubject, Caller caller) {
        return caller.has(Roles.ADMIN) || (boundSubject != null && boundSubject.equals(caller.subject()));
    }

    /**
     * Either the observation to store or why not (sorted by field).
     *
     * @param contentHash fingerprint of the request when species and point could be read, also for
     *                    an invalid request (a replay of a record accepted earlier may no longer pass,
     *                    e.g. when the plot that supplied its county was retired since)
     */
    public record Outcome(NewObservation observation, List<Violation> violations, String contentHash) {

        public boolean valid() {
            return observation != null;
        }
    }

    /** Stations upload as STATION; everyone else allowed to record (rangers) as RANGER. */
    public static ObservationSource sourceOf(Caller caller) {
        return caller.has(Roles.STATION) && !caller.has(Roles.RANGER) ? ObservationSource.STATION : ObservationSource.RANGER;
    }

    public Outcome apply(RecordObservation command, Caller caller, Instant now) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<RecordObservation> v : validator.validate(command)) {
            violations.add(new Violation(field(v.getPropertyPath().toString()), v.getMessage()));
        }

        SpeciesSnapshot species = species(command, violations);

        if (command.observedAt() != null && command.observedAt().toInstant().isAfter(now.plus(config.futureTolerance()))) {
            violations.add(new Violation("observedAt", "must not lie more than "
                    + config.futureTolerance().toMinutes() + " minutes in the future"));
        } else if (command.observedAt() != null && command.observedAt().toInstant().isBefore(EARLIEST)) {
            violations.add(new Violation("observedAt", "must not lie before 1900"));
        }

        RecordObservation.Location location = command.location();
        Gcj02.LatLon wgs = null;
        Datum datum = location == null || location.datum() == null ? Datum.WGS84 : location.datum();
        // JSON cannot carry NaN or Infinity here (common's StrictJson), but an import builds its commands itself.
        boolean finite = location == null || (finite(location.lat()) && finite(location.lon()) && finite(location.accuracyM()));
        if (!finite) {
            violations.add(new Violation("location", "lat, lon and accuracyM must be finite numbers"));
        }
        if (finite && location != null && location.lat() != null && location.lon() != null) {
            boolean onEarth = Math.abs(location.lat()) <= 90 && Math.abs(location.lon()) <= 180;
            wgs = datum == Datum.GCJ02 && onEarth ? Gcj02.toWgs84(location.lat(), location.lon())
                    : new Gcj02.LatLon(location.lat(), location.lon());
            if (!JiaozuoArea.contains(wgs.lat(), wgs.lon())) {
                // The message never repeats the point: it may be a sensitive species' location.
                violations.add(new Violation("location", JiaozuoArea.outsideMessage(wgs.lat(), wgs.lon())));
                wgs = null;
            }
        }

        if (command.stationId() != null && violations.stream().noneMatch(v -> v.field().equals("stationId"))
                && !mayNameStation(stations.subjectOf(command.stationId()), caller)) {
            violations.add(new Violation("stationId", STATION_NOT_BOUND));
        }

        String countyCode = command.countyCode();
        if (countyCode != null && !JiaozuoCounty.isValid(countyCode)) {
            violations.add(new Violation("countyCode",
                    "must be the GB/T 2260 code of one of Jiaozuo's 10 county-level divisions"));
        }
        Optional<PlotIndex.PlotMatch> plot = wgs == null ? Optional.empty() : plots.locate(wgs.lat(), wgs.lon());
        // A given county is kept: outlines are coarse. A plot is surveyed precisely, so it beats an outline.
        Gcj02.LatLon point = wgs;
        Optional<String> derivedCounty = countyCode != null || point == null ? Optional.empty()
                : plot.map(PlotIndex.PlotMatch::countyCode).or(() -> counties.countyOf(point.lat(), point.lon()));
        if (countyCode == null && wgs != null && derivedCounty.isEmpty()) {
            violations.add(new Violation("countyCode", COUNTY_NOT_DERIVED));
        }

        if (!violations.isEmpty() || species == null || wgs == null) {
            violations.sort(Comparator.comparing(Violation::field));
            String hash = species != null && location != null && location.lat() != null && location.lon() != null
                    && command.count() != null && command.observedAt() != null && command.method() != null
                    ? contentHash(command, species, datum) : null;
            return new Outcome(null, violations, hash);
        }

        List<MediaRef> media = command.media() == null ? List.of()
                : command.media().stream().map(m -> new MediaRef(m.url(), m.sha256() == null ? null
                        : m.sha256().toLowerCase(Locale.ROOT))).toList();
        String county = countyCode != null ? countyCode : derivedCounty.get();
        UUID uuid = command.uuid() != null ? command.uuid() : UUID.randomUUID();
        return new Outcome(new NewObservation(uuid, species, command.count(), command.observedAt(), now, wgs.lat(), wgs.lon(),
                location.accuracyM(), datum, location.lat(), location.lon(), county, plot.map(PlotIndex.PlotMatch::code).orElse(null),
                command.method(), command.stationId(), command.notes(), media, caller.subject(), sourceOf(caller),
                contentHash(command, species, datum)), List.of(), null);
    }

    private static boolean finite(Double value) {
        return value == null || Double.isFinite(value);
    }

    private SpeciesSnapshot species(RecordObservation command, List<Violation> violations) {
        if (command.speciesId() == null && (command.scientificName() == null || command.scientificName().isBlank())) {
            violations.add(new Violation("speciesId", "give speciesId or scientificName"));
            return null;
        }
        SpeciesSnapshot byId = null;
        if (command.speciesId() != null) {
            byId = catalog.byId(command.speciesId()).orElse(null);
            if (byId == null) {
                violations.add(new Violation("speciesId", "is not in the species catalog"));
                return null;
            }
        }
        if (command.scientificName() != null && !command.scientificName().isBlank()) {
            SpeciesSnapshot byName = catalog.byScientificName(command.scientificName()).orElse(null);
            if (byName == null) {
                violations.add(new Violation("scientificName", "is not in the species catalog"));
                return null;
            }
            if (byId != null && byId.id() != byName.id()) {
                violations.add(new Violation("scientificName", "names another species than speciesId"));
                return null;
            }
            return byName;
        }
        return byId;
    }

    /**
     * Fingerprint of what the client sent (species normalized to its id), so a replay can be told
     * from a different record that reuses the uuid. The server-made fields (recordedAt, plot) are
     * left out: they may differ between the original and its replay.
     */
    static String contentHash(RecordObservation r, SpeciesSnapshot species, Datum datum) {
        StringBuilder canonical = new StringBuilder();
        OffsetDateTime at = r.observedAt();
        append(canonical, species.id());
        append(canonical, r.count());
        append(canonical, at.toInstant());
        append(canonical, at.getOffset().getTotalSeconds());
        append(canonical, r.location().lat());
        append(canonical, r.location().lon());
        append(canonical, r.location().accuracyM());
        append(canonical, datum);
        append(canonical, r.countyCode());
        append(canonical, r.method());
        append(canonical, r.stationId());
        append(canonical, r.notes());
        if (r.media() != null) {
            for (MediaRef m : r.media()) {
                // A missing item (an invalid command) still has a fingerprint; a valid one never lacks one.
                append(canonical, m == null ? null : m.url());
                append(canonical, m == null || m.sha256() == null ? null : m.sha256().toLowerCase(Locale.ROOT));
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder canonical, Object value) {
        canonical.append(value == null ? "\u0000" : value.toString()).append('\u001f');
    }

    /** {@code media[0].<list element>} → {@code media[0]}. */
    private static String field(String path) {
        return path.replace(".<list element>", "").replace("<list element>", "");
    }
}
