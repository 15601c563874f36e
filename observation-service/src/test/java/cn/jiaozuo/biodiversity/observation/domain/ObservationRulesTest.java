package cn.jiaozuo.biodiversity.observation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.geo.Gcj02;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.config.IntakeConfig;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The intake rules on their own, table by table, without a service: a catalog of three species, one plot and two
 * station bindings held in memory.
 */
class ObservationRulesTest {

    static final SpeciesSnapshot LEOPARD = new SpeciesSnapshot(1, "Panthera pardus japonensis", "华北豹", null, "MAMMAL",
            "NATIONAL_I", false, true);
    static final SpeciesSnapshot MACAQUE = new SpeciesSnapshot(3, "Macaca mulatta", "猕猴", null, "MAMMAL", "NATIONAL_II",
            false, false);
    static final SpeciesSnapshot WEBWORM = new SpeciesSnapshot(60, "Hyphantria cunea", "美国白蛾", null, "INSECT", "NONE",
            true, false);
    static final Instant NOW = Instant.parse("2025-05-14T02:40:11.532Z");
    static final Caller RANGER = new Caller("ranger-zhang", Set.of(Roles.RANGER), null);
    static final Caller STATION = new Caller("station-ct-017", Set.of(Roles.STATION), null);
    static final Caller ADMIN = new Caller("admin-zhao", Set.of(Roles.ADMIN, Roles.RANGER), null);
    /** Plot 410821-01 covers 35.30–35.40 N, 113.30–113.40 E (county 410821, 修武县). */
    static final double PLOT_LAT = 35.35;
    static final double PLOT_LON = 113.35;

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    final ObservationRules rules = new ObservationRules(VALIDATOR, catalog(), plots(), counties(), stations(), config());

    static SpeciesCatalog catalog() {
        Map<Long, SpeciesSnapshot> byId = Map.of(1L, LEOPARD, 3L, MACAQUE, 60L, WEBWORM);
        return new SpeciesCatalog(null) {
            @Override
            public Optional<SpeciesSnapshot> byId(long id) {
                return Optional.ofNullable(byId.get(id));
            }

            @Override
            public Optional<SpeciesSnapshot> byScientificName(String name) {
                return byId.values().stream().filter(s -> s.scientificName().equalsIgnoreCase(name.trim())).findFirst();
            }
        };
    }

    static PlotIndex plots() {
        return new PlotIndex(null, null, null) {
            @Override
            public Optional<PlotMatch> locate(double lat, double lon) {
                return lat >= 35.30 && lat <= 35.40 && lon >= 113.30 && lon <= 113.40
                        ? Optional.of(new PlotMatch("410821-01", "410821")) : Optional.empty();
            }
        };
    }

    /**
     * County outlines: 410823 covers 35.00–35.10 N, 113.20–113.40 E; 410825 overlaps its eastern end (35.00–35.05 N,
     * 113.35–113.45 E); 410811 covers plot 410821-01 and around it (35.28–35.45 N, 113.28–113.45 E).
     */
    static CountyOutlines counties() {
        return new CountyOutlines(null, null, null) {
            @Override
            public Optional<String> countyOf(double lat, double lon) {
                List<String> covering = new java.util.ArrayList<>();
                if (lat >= 35.00 && lat <= 35.10 && lon >= 113.20 && lon <= 113.40) {
                    covering.add("410823");
                }
                if (lat >= 35.00 && lat <= 35.05 && lon >= 113.35 && lon <= 113.45) {
                    covering.add("410825");
                }
                if (lat >= 35.28 && lat <= 35.45 && lon >= 113.28 && lon <= 113.45) {
                    covering.add("410811");
                }
                return covering.size() == 1 ? Optional.of(covering.get(0)) : Optional.empty();
            }
        };
    }

    static StationBindings stations() {
        Map<String, String> bound = Map.of("CT-017", "station-ct-017", "CT-018", "station-ct-018");
        return new StationBindings(null, null) {
            @Override
            public String subjectOf(String stationId) {
                return bound.get(stationId);
            }
        };
    }

    static IntakeConfig config() {
        return new IntakeConfig() {
            @Override
            public int maxBatchSize() {
                return 1000;
            }

            @Override
            public Duration futureTolerance() {
                return Duration.ofMinutes(5);
            }

            @Override
            public int maxPageSize() {
                return 500;
            }

            @Override
            public int defaultPageSize() {
                return 50;
            }
        };
    }

    /** A valid macaque sighting outside any plot, in county 410821. */
    static RecordObservation sighting() {
        return new RecordObservation(UUID.fromString("0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21"), 3L, null, 4,
                OffsetDateTime.parse("2025-05-14T06:12:00+08:00"), new RecordObservation.Location(35.2159, 113.2418, 12.0, null),
                "410821", ObservationMethod.SIGHTING, null, "Troop of four on the cliff path",
                List.of(new MediaRef("https://media.example.cn/0412.jpg", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08")));
    }

    static RecordObservation with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(sighting())).build();
    }

    /** A copy of a command with some fields changed. */
    record Builder(UUID uuid, Long speciesId, String scientificName, Integer count, OffsetDateTime observedAt,
            RecordObservation.Location location, String countyCode, ObservationMethod method, String stationId, String notes,
            List<MediaRef> media) {

        Builder(RecordObservation c) {
            this(c.uuid(), c.speciesId(), c.scientificName(), c.count(), c.observedAt(), c.location(), c.countyCode(),
                    c.method(), c.stationId(), c.notes(), c.media());
        }

        RecordObservation build() {
            return new RecordObservation(uuid, speciesId, scientificName, count, observedAt, location, countyCode, method,
                    stationId, notes, media);
        }

        Builder uuid(UUID v) {
            return new Builder(v, speciesId, scientificName, count, observedAt, location, countyCode, method, stationId, notes, media);
        }

        Builder species(Long id, String name) {
            return new Builder(uuid, id, name, count, observedAt, location, countyCode, method, stationId, notes, media);
        }

        Builder count(Integer v) {
            return new Builder(uuid, speciesId, scientificName, v, observedAt, location, countyCode, method, stationId, notes, media);
        }

        Builder observedAt(OffsetDateTime v) {
            return new Builder(uuid, speciesId, scientificName, count, v, location, countyCode, method, stationId, notes, media);
        }

        Builder at(Double lat, Double lon, Double accuracyM, Datum datum) {
            return new Builder(uuid, speciesId, scientificName, count, observedAt, new RecordObservation.Location(lat, lon,
                    accuracyM, datum), countyCode, method, stationId, notes, media);
        }

        Builder noLocation() {
            return new Builder(uuid, speciesId, scientificName, count, observedAt, null, countyCode, method, stationId, notes, media);
        }

        Builder county(String v) {
            return new Builder(uuid, speciesId, scientificName, count, observedAt, location, v, method, stationId, notes, media);
        }

        Builder method(ObservationMethod v) {
            return new Builder(uuid, speciesId, scientificName, count, observedAt, location, countyCode, v, stationId, notes, media);
        }

        Builder station(String v) {
            return new Builder(uuid, speciesId, scientificName, count, observedAt, location, countyCode, method, v, notes, media);
        }

        Builder notes(String v) {
            return new Builder(uuid, speciesId, scientificName, count, observedAt, location, countyCode, method, stationId, v, media);
        }

        Builder media(List<MediaRef> v) {
            return new Builder(uuid, speciesId, scientificName, count, observedAt, location, countyCode, method, stationId, notes, v);
        }
    }

    static List<String> fields(ObservationRules.Outcome outcome) {
        return outcome.violations().stream().map(Violation::field).toList();
    }

    @Test
    void a_valid_sighting_becomes_the_observation_to_store() {
        ObservationRules.Outcome outcome = rules.apply(sighting(), RANGER, NOW);
        assertTrue(outcome.valid(), () -> outcome.violations().toString());
        NewObservation o = outcome.observation();
        assertEquals(sighting().uuid(), o.uuid());
        assertEquals(MACAQUE, o.species());
        assertEquals(NOW, o.recordedAt(), "recorded when the rules ran");
        assertEquals(35.2159, o.lat());
        assertEquals(Datum.WGS84, o.originalDatum(), "WGS84 when the client names no datum");
        assertEquals("410821", o.countyCode());
        assertNull(o.plotCode());
        assertEquals("ranger-zhang", o.observer());
        assertEquals(ObservationSource.RANGER, o.source());
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", o.media().get(0).sha256(),
                "hashes are stored in lower case");
        assertTrue(outcome.violations().isEmpty());
        assertNull(outcome.contentHash(), "the fingerprint travels in the observation");
        assertEquals(64, o.contentHash().length());
    }

    static Stream<Arguments> invalid() {
        String tooLong = "x".repeat(2001);
        return Stream.of(
                // what is wrong, the command, the violation fields (sorted)
                Arguments.of("no species", with(b -> b.species(null, null)), List.of("speciesId")),
                Arguments.of("a blank scientific name only", with(b -> b.species(null, "  ")), List.of("speciesId")),
                Arguments.of("an unknown species id", with(b -> b.species(999L, null)), List.of("speciesId")),
                Arguments.of("an unknown scientific name", with(b -> b.species(null, "Felis catus")), List.of("scientificName")),
                Arguments.of("id and name of two species", with(b -> b.species(3L, "Hyphantria cunea")), List.of("scientificName")),
                Arguments.of("count 0", with(b -> b.count(0)), List.of("count")),
                Arguments.of("count over a million", with(b -> b.count(1_000_001)), List.of("count")),
                Arguments.of("no count", with(b -> b.count(null)), List.of("count")),
                Arguments.of("no time", with(b -> b.observedAt(null)), List.of("observedAt")),
                Arguments.of("6 minutes ahead", with(b -> b.observedAt(NOW.plus(Duration.ofMinutes(6)).atOffset(
                        java.time.ZoneOffset.ofHours(8)))), List.of("observedAt")),
                Arguments.of("before 1900", with(b -> b.observedAt(OffsetDateTime.parse("1899-12-31T23:59:59Z"))), List.of("observedAt")),
                Arguments.of("no location", with(Builder::noLocation), List.of("location")),
                Arguments.of("no latitude", with(b -> b.at(null, 113.2418, null, null)), List.of("location.lat")),
                Arguments.of("latitude over 90", with(b -> b.at(91.0, 113.2418, null, null)), List.of("location", "location.lat")),
                Arguments.of("0,0", with(b -> b.at(0.0, 0.0, null, null)), List.of("location")),
                Arguments.of("negative accuracy", with(b -> b.at(35.2159, 113.2418, -1.0, null)), List.of("location.accuracyM")),
                Arguments.of("accuracy over 100 km", with(b -> b.at(35.2159, 113.2418, 100_000.5, null)), List.of("location.accuracyM")),
                Arguments.of("not a county of Jiaozuo", with(b -> b.county("110101")), List.of("countyCode")),
                Arguments.of("no county and no plot", with(b -> b.county(null)), List.of("countyCode")),
                Arguments.of("no method", with(b -> b.method(null)), List.of("method")),
                Arguments.of("notes over 2000 characters", with(b -> b.notes(tooLong)), List.of("notes")),
                Arguments.of("a media link that is no URL", with(b -> b.media(List.of(new MediaRef("ftp://x", null)))),
                        List.of("media[0].url")),
                Arguments.of("a short hash", with(b -> b.media(List.of(new MediaRef("https://x.cn/a.jpg", "abc")))),
                        List.of("media[0].sha256")),
                Arguments.of("a missing media item", with(b -> b.media(Arrays.asList((MediaRef) null))), List.of("media[0]")),
                Arguments.of("21 media", with(b -> b.media(java.util.Collections.nCopies(21, new MediaRef("https://x.cn/a.jpg", null)))),
                        List.of("media")),
                Arguments.of("a station bound to another identity", with(b -> b.station("CT-018")), List.of("stationId")),
                Arguments.of("an unknown station", with(b -> b.station("CT-999")), List.of("stationId")),
                // Too long to be a station id at all: said once.
                Arguments.of("a station id over 100 characters", with(b -> b.station("C".repeat(101))), List.of("stationId")),
                Arguments.of("everything at once", with(b -> b.count(0).county("110101").method(null).notes(tooLong)),
                        List.of("count", "countyCode", "method", "notes")));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("invalid")
    void an_invalid_command_names_each_field_in_order(String what, RecordObservation command, List<String> fields) {
        ObservationRules.Outcome outcome = rules.apply(command, STATION, NOW);
        assertFalse(outcome.valid());
        assertNull(outcome.observation());
        assertEquals(fields, fields(outcome));
    }

    static Stream<Arguments> notFinite() {
        return Stream.of(
                Arguments.of(Double.NaN, 113.2418, null),
                Arguments.of(35.2159, Double.NEGATIVE_INFINITY, null),
                Arguments.of(35.2159, 113.2418, Double.POSITIVE_INFINITY),
                Arguments.of(35.2159, 113.2418, Double.NaN));
    }

    /** JSON cannot carry them (common's StrictJson refuses them first), but an import builds its commands itself. */
    @ParameterizedTest(name = "{0}, {1} ± {2}")
    @MethodSource("notFinite")
    void numbers_that_are_not_finite_are_refused(Double lat, Double lon, Double accuracyM) {
        ObservationRules.Outcome outcome = rules.apply(with(b -> b.at(lat, lon, accuracyM, null)), RANGER, NOW);
        assertFalse(outcome.valid());
        assertTrue(outcome.violations().contains(new Violation("location", "lat, lon and accuracyM must be finite numbers")),
                () -> outcome.violations().toString());
    }

    @ParameterizedTest(name = "observed {0} → valid = {1}")
    @CsvSource({
        "2025-05-14T02:45:11.532Z, true", // exactly the tolerance ahead
        "2025-05-14T02:45:11.533Z, false",
        "1900-01-01T00:00:00Z, true",
        "1899-12-31T23:59:59.999Z, false"})
    void the_time_lies_between_1900_and_five_minutes_ahead(String observedAt, boolean valid) {
        assertEquals(valid, rules.apply(with(b -> b.observedAt(OffsetDateTime.parse(observedAt))), RANGER, NOW).valid());
    }

    @ParameterizedTest(name = "{0}, {1} → {2}")
    @CsvSource({
        "113.2418, 35.2159, 'lies outside Jiaozuo; latitude and longitude look swapped'",
        "0, 0, 'must lie in Jiaozuo or its surroundings (lat 34.5–35.8, lon 112.2–114.0)'",
        "39.9087, 116.3975, 'must lie in Jiaozuo or its surroundings (lat 34.5–35.8, lon 112.2–114.0)'"})
    void a_point_outside_jiaozuo_is_refused_without_repeating_it(double lat, double lon, String message) {
        ObservationRules.Outcome outcome = rules.apply(with(b -> b.at(lat, lon, null, null)), RANGER, NOW);
        assertTrue(outcome.violations().contains(new Violation("location", message)), () -> outcome.violations().toString());
        // A swapped point is also a latitude over 90: that is said on location.lat.
        assertTrue(outcome.violations().stream().allMatch(v -> v.field().startsWith("location")));
    }

    @Test
    void a_point_in_a_plot_gets_the_plot_and_its_county_which_the_client_may_leave_out() {
        NewObservation o = rules.apply(with(b -> b.at(PLOT_LAT, PLOT_LON, null, null).county(null)), RANGER, NOW).observation();
        assertEquals("410821-01", o.plotCode());
        assertEquals("410821", o.countyCode());
        NewObservation named = rules.apply(with(b -> b.at(PLOT_LAT, PLOT_LON, null, null).county("410882")), RANGER, NOW)
                .observation();
        assertEquals("410882", named.countyCode(), "a county the client names is kept");
        assertEquals("410821-01", named.plotCode());
    }

    @Test
    void a_point_in_no_plot_gets_the_county_of_the_one_outline_covering_it() {
        NewObservation o = rules.apply(with(b -> b.at(35.02, 113.25, null, null).county(null)), RANGER, NOW).observation();
        assertEquals("410823", o.countyCode());
        assertNull(o.plotCode());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "35.02, 113.37", // two outlines overlap
        "35.2159, 113.2418"}) // no outline
    void an_omitted_county_that_no_single_outline_supplies_must_be_given(double lat, double lon) {
        ObservationRules.Outcome outcome = rules.apply(with(b -> b.at(lat, lon, null, null).county(null)), RANGER, NOW);
        assertEquals(List.of(new Violation("countyCode", ObservationRules.COUNTY_NOT_DERIVED)), outcome.violations());
    }

    @Test
    void a_plot_beats_an_outline_and_a_given_county_beats_both() {
        NewObservation inPlot = rules.apply(with(b -> b.at(PLOT_LAT, PLOT_LON, null, null).county(null)), RANGER, NOW).observation();
        assertEquals("410821", inPlot.countyCode(), "the plot's county, not the outline's 410811");
        NewObservation given = rules.apply(with(b -> b.at(35.02, 113.25, null, null).county("410882")), RANGER, NOW).observation();
        assertEquals("410882", given.countyCode(), "outlines are coarse: a given county is never overridden");
    }

    @Test
    void a_gcj02_point_is_stored_in_wgs84_and_the_original_is_kept() {
        Gcj02.LatLon gcj = Gcj02.fromWgs84(PLOT_LAT, PLOT_LON);
        NewObservation o = rules.apply(with(b -> b.at(gcj.lat(), gcj.lon(), 5.0, Datum.GCJ02)), RANGER, NOW).observation();
        assertTrue(Gcj02.distanceM(PLOT_LAT, PLOT_LON, o.lat(), o.lon()) < 1, "converted back to the WGS-84 point");
        assertEquals(Datum.GCJ02, o.originalDatum());
        assertEquals(gcj.lat(), o.originalLat());
        assertEquals(gcj.lon(), o.originalLon());
        assertEquals("410821-01", o.plotCode(), "the plot is found for the converted point");
    }

    static Stream<Arguments> stationUploads() {
        return Stream.of(
                // station named, caller, allowed
                Arguments.of("CT-017", STATION, true),
                Arguments.of("CT-017", new Caller("station-ct-017", Set.of(Roles.RANGER), null), true),
                Arguments.of("CT-018", STATION, false),
                Arguments.of("CT-999", STATION, false),
                Arguments.of("CT-017", RANGER, false),
                Arguments.of("CT-999", ADMIN, true),
                Arguments.of(null, RANGER, true));
    }

    @ParameterizedTest(name = "station {0} by {1} → allowed = {2}")
    @MethodSource("stationUploads")
    void only_the_bound_identity_or_an_admin_names_a_station(String station, Caller caller, boolean allowed) {
        ObservationRules.Outcome outcome = rules.apply(with(b -> b.station(station)), caller, NOW);
        assertEquals(allowed, outcome.valid(), () -> outcome.violations().toString());
        if (!allowed) {
            assertEquals(List.of(new Violation("stationId", ObservationRules.STATION_NOT_BOUND)), outcome.violations(),
                    "an unknown station and another's get the same answer");
        }
    }

    @ParameterizedTest(name = "roles {0} → {1}")
    @CsvSource({
        "station, STATION",
        "ranger, RANGER",
        "station ranger, RANGER",
        "admin station, STATION",
        "admin ranger, RANGER",
        "reviewer, RANGER"})
    void the_source_follows_the_role(String roles, ObservationSource source) {
        Caller caller = new Caller("someone", Set.of(roles.split(" ")), null);
        assertEquals(source, ObservationRules.sourceOf(caller));
    }

    @Test
    void the_server_makes_a_uuid_when_the_client_gives_none() {
        NewObservation a = rules.apply(with(b -> b.uuid(null)), RANGER, NOW).observation();
        NewObservation b = rules.apply(with(b2 -> b2.uuid(null)), RANGER, NOW).observation();
        assertNotNull(a.uuid());
        assertNotEquals(a.uuid(), b.uuid());
        assertEquals(a.contentHash(), b.contentHash(), "the uuid is the key, not part of the content");
    }

    @Test
    void a_scientific_name_is_matched_whatever_its_case_and_gives_the_same_fingerprint_as_the_id() {
        NewObservation byName = rules.apply(with(b -> b.species(null, " macaca MULATTA ")), RANGER, NOW).observation();
        NewObservation byId = rules.apply(sighting(), RANGER, NOW).observation();
        assertEquals(MACAQUE, byName.species());
        assertEquals(byId.contentHash(), byName.contentHash());
    }

    static Stream<Arguments> fingerprints() {
        return Stream.of(
                // a change, whether the fingerprint changes
                Arguments.of("nothing", with(b -> b), false),
                Arguments.of("upper-case media hash", with(b -> b.media(List.of(new MediaRef("https://media.example.cn/0412.jpg",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")))), false),
                Arguments.of("the count", with(b -> b.count(5)), true),
                Arguments.of("the same instant, another offset", with(b -> b.observedAt(OffsetDateTime.parse("2025-05-13T22:12:00Z"))), true),
                Arguments.of("the notes", with(b -> b.notes("Troop of five")), true),
                Arguments.of("the datum", with(b -> b.at(35.2159, 113.2418, 12.0, Datum.GCJ02)), true),
                Arguments.of("the county", with(b -> b.county("410882")), true),
                Arguments.of("no media", with(b -> b.media(null)), true));
    }

    @ParameterizedTest(name = "{0} changes the fingerprint: {2}")
    @MethodSource("fingerprints")
    void the_fingerprint_covers_what_the_client_sent(String what, RecordObservation changed, boolean differs) {
        String original = rules.apply(sighting(), RANGER, NOW).observation().contentHash();
        // Server-made fields (the recording time, the plot) are not part of it: a replay later still matches.
        String replayed = rules.apply(changed, RANGER, NOW.plusSeconds(3600)).observation().contentHash();
        assertEquals(differs, !original.equals(replayed));
    }

    @Test
    void an_invalid_command_still_has_a_fingerprint_when_species_point_count_time_and_method_are_known() {
        // A record accepted earlier may no longer pass (its plot retired): the fingerprint lets a replay be recognised.
        RecordObservation command = with(b -> b.county(null));
        ObservationRules.Outcome noCounty = rules.apply(command, RANGER, NOW);
        assertFalse(noCounty.valid());
        assertEquals(ObservationRules.contentHash(command, MACAQUE, Datum.WGS84), noCounty.contentHash());
        assertNull(rules.apply(with(b -> b.count(null)), RANGER, NOW).contentHash());
        assertNull(rules.apply(with(b -> b.species(999L, null)), RANGER, NOW).contentHash());
        assertNull(rules.apply(with(Builder::noLocation), RANGER, NOW).contentHash());
    }
}
