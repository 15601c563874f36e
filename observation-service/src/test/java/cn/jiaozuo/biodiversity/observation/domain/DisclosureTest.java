package cn.jiaozuo.biodiversity.observation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.PublicObservation;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The disclosure rule on its own, table by table: who gets what generalized, and what a generalized record keeps. */
class DisclosureTest {

    static final SpeciesSnapshot LEOPARD = new SpeciesSnapshot(1, "Panthera pardus japonensis", "华北豹", "North China leopard",
            "MAMMAL", "NATIONAL_I", false, true);
    static final SpeciesSnapshot MACAQUE = new SpeciesSnapshot(3, "Macaca mulatta", "猕猴", "Rhesus macaque", "MAMMAL",
            "NATIONAL_II", false, false);
    static final String STATION = "station-ct-017";

    final Disclosure disclosure = new Disclosure(new PublicIds("test-key"), Duration.ofDays(1));

    static Caller caller(String subject, String... roles) {
        return new Caller(subject, Set.of(roles), null);
    }

    /** A camera's record with every field set, as station CT-017 uploads it (v7 uuid: the time is in its first 48 bits). */
    static Disclosure.Facts facts(SpeciesSnapshot species) {
        return new Disclosure.Facts(UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057"), species, 1,
                OffsetDateTime.parse("2025-05-14T06:12:00+08:00"), Instant.parse("2025-05-14T02:40:11.532Z"), 35.3321, 113.3604,
                12.0, "GCJ02", "410821", "410821-01", "CAMERA_TRAP", "CT-017", "lifeStage=adult",
                List.of(new MediaRef("https://media.example.cn/ct-017/0001.jpg", null)), STATION, "STATION", "VERIFIED",
                "reviewer-li", "clear photo", Instant.parse("2025-05-15T01:00:00Z"));
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("anonymous", Caller.ANONYMOUS, true),
                Arguments.of("another ranger", caller("ranger-zhang", Roles.RANGER), true),
                Arguments.of("another station", caller("station-ct-018", Roles.STATION), true),
                Arguments.of("bureau", caller("bureau-wang", Roles.BUREAU), true),
                Arguments.of("the observer", caller(STATION, Roles.STATION), false),
                Arguments.of("reviewer", caller("reviewer-li", Roles.REVIEWER), false),
                Arguments.of("admin", caller("admin-zhao", Roles.ADMIN), false),
                // The observer's subject under a role that may not see it does not matter: the subject does.
                Arguments.of("the observer as bureau", caller(STATION, Roles.BUREAU), false));
    }

    @ParameterizedTest(name = "{0}: sensitive generalized = {2}")
    @MethodSource("callers")
    void who_gets_a_sensitive_record_generalized(String who, Caller caller, boolean generalized) {
        assertEquals(generalized, Disclosure.generalizes(LEOPARD, STATION, caller));
        assertEquals(generalized, disclosure.show(facts(LEOPARD), caller).generalized());
        assertFalse(Disclosure.generalizes(MACAQUE, STATION, caller), "other species are never generalized");
        assertFalse(disclosure.show(facts(MACAQUE), caller).generalized());
    }

    static Stream<Arguments> exactPoints() {
        return Stream.of(
                // caller, sees every exact point, sees those of records by STATION
                Arguments.of("anonymous", Caller.ANONYMOUS, false, false),
                Arguments.of("another station", caller("station-ct-018", Roles.STATION), false, false),
                Arguments.of("bureau", caller("bureau-wang", Roles.BUREAU), false, false),
                Arguments.of("the observer", caller(STATION, Roles.STATION), false, true),
                Arguments.of("the observer without a role", caller(STATION), false, true),
                Arguments.of("reviewer", caller("reviewer-li", Roles.REVIEWER), true, true),
                Arguments.of("admin", caller("admin-zhao", Roles.ADMIN), true, true),
                Arguments.of("a reviewer who is also a ranger", caller("reviewer-li", Roles.RANGER, Roles.REVIEWER), true, true),
                // A name is no subject: a token without one never matches a record.
                Arguments.of("a ranger without a subject", caller(null, Roles.RANGER), false, false));
    }

    @ParameterizedTest(name = "{0}: every exact point = {2}, the observer's = {3}")
    @MethodSource("exactPoints")
    void who_sees_exact_points(String who, Caller caller, boolean all, boolean observers) {
        assertEquals(all, Disclosure.seesAllExactPoints(caller));
        assertEquals(observers, Disclosure.seesExactPointOf(caller, STATION));
        assertEquals(all, Disclosure.seesExactPointOf(caller, "someone-else"), "others' records: only with the role");
        assertEquals(all, Disclosure.seesExactPointOf(caller, null), "a record without an observer is nobody's");
        assertEquals(all, Disclosure.seesSensitiveSpeciesInPlots(caller));
    }

    /**
     * Every field of what is shown, and what a generalized record keeps of it. A field added to {@link Disclosure.Shown}
     * fails here until someone decides what the public may see of it.
     */
    static final Map<String, Object> GENERALIZED = new TreeMap<>(Map.ofEntries(
            Map.entry("uuid", "public id"), Map.entry("publicId", "public id"), Map.entry("species", LEOPARD),
            Map.entry("count", 1), Map.entry("observedAt", "null"), Map.entry("observedOn", LocalDate.parse("2025-05-14")),
            Map.entry("recordedAt", "null"), Map.entry("lat", 35.35), Map.entry("lon", 113.35),
            Map.entry("accuracyM", 7183.0), Map.entry("originalDatum", "null"), Map.entry("countyCode", "410821"),
            Map.entry("plotCode", "null"), Map.entry("method", "null"), Map.entry("stationId", "null"),
            Map.entry("notes", "null"), Map.entry("media", List.of()), Map.entry("observer", "null"),
            Map.entry("source", "null"), Map.entry("status", "VERIFIED"), Map.entry("reviewer", "null"),
            Map.entry("reviewComment", "null"), Map.entry("reviewedAt", "null"), Map.entry("generalized", true)));

    @Test
    void a_generalized_record_keeps_only_the_cell_the_day_and_what_does_not_link() throws Exception {
        Disclosure.Facts facts = facts(LEOPARD);
        Disclosure.Shown shown = disclosure.show(facts, Caller.ANONYMOUS);
        UUID publicId = new PublicIds("test-key").of(facts.uuid());
        Set<String> components = new HashSet<>();
        for (RecordComponent component : Disclosure.Shown.class.getRecordComponents()) {
            components.add(component.getName());
            Object expected = GENERALIZED.get(component.getName());
            Object actual = component.getAccessor().invoke(shown);
            if ("null".equals(expected)) {
                assertNull(actual, component.getName() + " is withheld");
            } else if ("public id".equals(expected)) {
                assertEquals(publicId, actual, component.getName());
            } else {
                assertEquals(expected, actual, component.getName());
            }
        }
        assertEquals(GENERALIZED.keySet(), components, "every shown field is decided here");
    }

    @Test
    void those_who_may_see_it_get_everything_and_the_public_id_to_share() {
        Disclosure.Facts facts = facts(LEOPARD);
        Disclosure.Shown shown = disclosure.show(facts, caller(STATION, Roles.STATION));
        assertEquals(facts.uuid(), shown.uuid());
        assertEquals(new PublicIds("test-key").of(facts.uuid()), shown.publicId());
        assertEquals(facts.observedAt(), shown.observedAt());
        assertEquals(facts.lat(), shown.lat());
        assertEquals("410821-01", shown.plotCode());
        assertEquals("CT-017", shown.stationId());
        assertEquals(facts.media(), shown.media());
        assertEquals("clear photo", shown.reviewComment());

        Disclosure.Shown macaque = disclosure.show(facts(MACAQUE), Caller.ANONYMOUS);
        assertEquals(macaque.uuid(), macaque.publicId(), "other species keep their uuid for everyone");
        assertEquals(STATION, macaque.observer());
    }

    @Test
    void the_public_id_hides_the_uuid_and_its_timestamp_but_the_service_can_resolve_it() {
        PublicIds ids = new PublicIds("test-key");
        UUID v7 = facts(LEOPARD).uuid();
        UUID publicId = ids.of(v7);
        assertNotEquals(v7, publicId);
        assertNotEquals(v7.getMostSignificantBits() >>> 16, publicId.getMostSignificantBits() >>> 16,
                "the v7 timestamp (first 48 bits) is not carried over");
        assertEquals(publicId, ids.of(v7), "stable: GBIF updates rather than duplicates");
        assertEquals(v7, ids.uuidOf(publicId));
        assertEquals(v7, disclosure.uuidOfPublicId(publicId));
        assertNotEquals(publicId, new PublicIds("another-key").of(v7), "only the key links the two");
        for (int i = 0; i < 1000; i++) {
            UUID any = UUID.randomUUID();
            assertEquals(any, ids.uuidOf(ids.of(any)));
        }
        assertThrows(IllegalArgumentException.class, () -> new PublicIds(" "));
    }

    @ParameterizedTest(name = "observed {0} → day {1} in China")
    @CsvSource({
        "2025-05-14T06:12:00+08:00, 2025-05-14",
        "2025-05-14T23:59:59+08:00, 2025-05-14",
        "2025-05-14T16:00:00Z, 2025-05-15",
        "2025-05-14T15:59:59Z, 2025-05-14",
        "2025-05-14T20:00:00-05:00, 2025-05-15"})
    void the_day_is_the_day_in_china(String observedAt, String day) {
        Disclosure.Facts f = facts(LEOPARD);
        Disclosure.Facts at = new Disclosure.Facts(f.uuid(), f.species(), f.count(), OffsetDateTime.parse(observedAt),
                f.recordedAt(), f.lat(), f.lon(), f.accuracyM(), f.originalDatum(), f.countyCode(), f.plotCode(), f.method(),
                f.stationId(), f.notes(), f.media(), f.observer(), f.source(), f.status(), f.reviewer(), f.reviewComment(),
                f.reviewedAt());
        assertEquals(LocalDate.parse(day), disclosure.show(at, Caller.ANONYMOUS).observedOn());
        assertEquals(LocalDate.parse(day), disclosure.show(at, caller(STATION)).observedOn());
    }

    @ParameterizedTest(name = "accuracy {0} m → {1} m")
    @CsvSource({",7183", "12,7183", "7183,7183", "7183.5,8000", "8123.4,9000", "20000,20000"}) // the half-diagonal of the cell at 35.35° N is 7183 m
    void a_generalized_accuracy_covers_the_cell_and_is_no_fingerprint(Double accuracy, double shown) {
        Disclosure.Facts f = facts(LEOPARD);
        Disclosure.Facts with = new Disclosure.Facts(f.uuid(), f.species(), f.count(), f.observedAt(), f.recordedAt(), f.lat(),
                f.lon(), accuracy, f.originalDatum(), f.countyCode(), f.plotCode(), f.method(), f.stationId(), f.notes(),
                f.media(), f.observer(), f.source(), f.status(), f.reviewer(), f.reviewComment(), f.reviewedAt());
        assertEquals(shown, disclosure.show(with, Caller.ANONYMOUS).accuracyM());
    }

    static final Instant NOW = Instant.parse("2025-05-14T02:40:11.532Z"); // 10:40 in China
    static final Instant TODAY = Instant.parse("2025-05-13T16:00:00Z"); // midnight in China: the day's release

    static Stream<Arguments> filters() {
        Instant from = Instant.parse("2025-05-13T22:12:00Z");
        return Stream.of(
                // filter, caller, what is left out: "all" generalized records, those "unreleased", or "none"
                Arguments.of("plot, public", new ObservationFilter(null, null, "410821-01", null, null, null, null, null), Caller.ANONYMOUS, "all"),
                Arguments.of("observer, public", new ObservationFilter(null, null, null, null, null, null, STATION, null), Caller.ANONYMOUS, "all"),
                Arguments.of("observer, bureau", new ObservationFilter(null, null, null, null, null, null, STATION, null),
                        caller("bureau-wang", Roles.BUREAU), "all"),
                Arguments.of("method, ranger", new ObservationFilter(null, null, null, null, null, null, null, ObservationMethod.CAMERA_TRAP),
                        caller("ranger-zhang", Roles.RANGER), "all"),
                Arguments.of("observer, the observer", new ObservationFilter(null, null, null, null, null, null, STATION, null),
                        caller(STATION, Roles.STATION), "all"),
                // Species, county, status and the day are shown (time filters compare the day in the database): only
                // what is not released yet is left out.
                Arguments.of("species, county, status, from, public", new ObservationFilter(1L, "410821", null, from, null, ObservationStatus.VERIFIED,
                        null, null), Caller.ANONYMOUS, "unreleased"),
                Arguments.of("no filter, station", new ObservationFilter(null, null, null, null, null, null, null, null),
                        caller("station-ct-018", Roles.STATION), "unreleased"),
                Arguments.of("observer, reviewer", new ObservationFilter(null, null, null, null, null, null, STATION, null),
                        caller("reviewer-li", Roles.REVIEWER), "none"),
                Arguments.of("plot, admin", new ObservationFilter(null, null, "410821-01", null, null, null, null, null),
                        caller("admin-zhao", Roles.ADMIN), "none"),
                Arguments.of("no filter, admin", new ObservationFilter(null, null, null, null, null, null, null, null),
                        caller("admin-zhao", Roles.ADMIN), "none"));
    }

    @ParameterizedTest(name = "{0}: leaves out {2}")
    @MethodSource("filters")
    void a_filter_selects_only_on_what_the_caller_sees(String name, ObservationFilter filter, Caller caller, String leftOut) {
        ObservationFilter restricted = disclosure.restrict(filter, caller, Set.of(1L, 2L), NOW);
        if (leftOut.equals("none")) {
            assertSame(filter, restricted);
        } else {
            assertEquals(Set.of(1L, 2L), restricted.concealed().speciesIds());
            assertEquals(caller.subject(), restricted.concealed().exceptObserver(), "the caller's own records stay");
            assertEquals(leftOut.equals("all") ? null : TODAY, restricted.concealed().recordedSince());
        }
        assertSame(filter, disclosure.restrict(filter, caller, Set.of(), NOW), "no sensitive species, nothing to conceal");
    }

    static Stream<Arguments> indicatorScopes() {
        return Stream.of(
                Arguments.of("anonymous", Caller.ANONYMOUS, true),
                Arguments.of("bureau", caller("bureau-wang", Roles.BUREAU), true),
                // Indicators have no "own records": the observer's unreleased records do not count for it either.
                Arguments.of("the observer", caller(STATION, Roles.STATION), true),
                Arguments.of("reviewer", caller("reviewer-li", Roles.REVIEWER), false),
                Arguments.of("admin", caller("admin-zhao", Roles.ADMIN), false));
    }

    @ParameterizedTest(name = "{0}: unreleased left out of the indicators = {2}")
    @MethodSource("indicatorScopes")
    void indicators_count_generalized_records_once_released(String who, Caller caller, boolean leftOut) {
        ObservationFilter county = new ObservationFilter(null, "410821", null, null, null, null, null, null);
        ObservationFilter scope = disclosure.released(county, caller, Set.of(1L, 2L), NOW);
        if (leftOut) {
            assertEquals(new ObservationFilter.Concealed(Set.of(1L, 2L), null, TODAY), scope.concealed());
            assertEquals(county, new ObservationFilter(scope.speciesId(), scope.countyCode(), scope.plotCode(), scope.from(),
                    scope.to(), scope.status(), scope.observer(), scope.method()), "the rest of the scope is kept");
        } else {
            assertSame(county, scope);
        }
        assertSame(county, disclosure.released(county, caller, Set.of(), NOW), "no sensitive species, nothing to leave out");
    }

    @ParameterizedTest(name = "recorded {0}: the public sees it = {1}")
    @CsvSource({
        "2025-05-13T15:59:59.999Z, true",
        "2025-05-13T16:00:00Z, false",
        "2025-05-14T02:40:11Z, false"})
    void a_generalized_record_is_seen_from_its_release_on(String recordedAt, boolean visible) {
        Instant at = Instant.parse(recordedAt);
        assertEquals(visible, disclosure.visible(LEOPARD, STATION, at, Caller.ANONYMOUS, NOW));
        assertEquals(visible, disclosure.visible(LEOPARD, STATION, at, caller("bureau-wang", Roles.BUREAU), NOW));
        assertTrue(disclosure.visible(LEOPARD, STATION, at, caller(STATION, Roles.STATION), NOW), "its observer: at once");
        assertTrue(disclosure.visible(LEOPARD, STATION, at, caller("reviewer-li", Roles.REVIEWER), NOW));
        assertTrue(disclosure.visible(MACAQUE, STATION, at, Caller.ANONYMOUS, NOW), "other species: at once");
        assertEquals(visible, !disclosure.releaseAfter(at).isAfter(NOW), "the same moment as on the public topic");
    }

    @ParameterizedTest(name = "written {0}, slots of {1} → released {2}")
    @CsvSource({
        "2025-05-14T06:12:00+08:00, PT24H, 2025-05-15T00:00:00+08:00",
        "2025-05-14T00:00:00+08:00, PT24H, 2025-05-15T00:00:00+08:00",
        "2025-05-14T23:59:59.999+08:00, PT24H, 2025-05-15T00:00:00+08:00",
        "2025-05-14T06:12:00+08:00, PT6H, 2025-05-14T12:00:00+08:00",
        "2025-05-14T22:00:00+08:00, PT7H, 2025-05-15T00:00:00+08:00",
        "2025-05-14T06:12:01.5+08:00, PT3S, 2025-05-14T06:12:03+08:00"})
    void generalized_public_events_wait_for_the_end_of_their_slot(String written, Duration slot, String released) {
        Disclosure timed = new Disclosure(new PublicIds("test-key"), slot);
        assertEquals(OffsetDateTime.parse(released).toInstant(), timed.releaseAfter(OffsetDateTime.parse(written).toInstant()));
    }

    @ParameterizedTest(name = "at {0}, slots of {1}: released what was recorded before {2}")
    @CsvSource({
        "2025-05-14T10:40:11.532+08:00, PT24H, 2025-05-14T00:00:00+08:00",
        "2025-05-14T00:00:00+08:00, PT24H, 2025-05-14T00:00:00+08:00",
        "2025-05-14T10:40:11.532+08:00, PT6H, 2025-05-14T06:00:00+08:00",
        "2025-05-14T23:30:00+08:00, PT7H, 2025-05-14T21:00:00+08:00",
        "2025-05-14T06:12:01.5+08:00, PT3S, 2025-05-14T06:12:00+08:00"})
    void what_is_released_at_a_moment(String now, Duration slot, String releasedBefore) {
        Disclosure timed = new Disclosure(new PublicIds("test-key"), slot);
        assertEquals(OffsetDateTime.parse(releasedBefore).toInstant(), timed.releasedBefore(OffsetDateTime.parse(now).toInstant()));
    }

    @Test
    void release_slots_are_at_most_a_day() {
        assertThrows(IllegalArgumentException.class, () -> new Disclosure(new PublicIds("k"), Duration.ofHours(25)));
        assertThrows(IllegalArgumentException.class, () -> new Disclosure(new PublicIds("k"), Duration.ZERO));
    }

    /** The internal event carries every stored fact: each field of the snapshot is the fact of the same name. */
    @Test
    void the_internal_event_is_the_exact_record() throws Exception {
        Disclosure.Facts facts = facts(LEOPARD);
        ObservationSnapshot snapshot = facts.snapshot();
        Set<String> compared = new HashSet<>();
        for (RecordComponent component : ObservationSnapshot.class.getRecordComponents()) {
            if (component.getName().equals("location")) {
                assertEquals(new GeoPoint(35.3321, 113.3604, 12.0, "GCJ02"), snapshot.location());
            } else {
                Object fact = Disclosure.Facts.class.getMethod(component.getName()).invoke(facts);
                assertEquals(fact, component.getAccessor().invoke(snapshot), component.getName());
            }
            compared.add(component.getName());
        }
        assertEquals(16, compared.size(), "every field of ObservationSnapshot is compared");
        assertEquals("410821:1", snapshot.key());
    }

    @Test
    void the_public_event_is_what_the_anonymous_caller_is_shown() {
        PublicObservation event = disclosure.show(facts(LEOPARD), Caller.ANONYMOUS).toPublicEvent();
        assertTrue(event.generalized());
        assertEquals(35.35, event.location().lat());
        assertNull(event.location().originalDatum());
        assertEquals("410821:1", event.key());
        Collection<Object> withheld = new java.util.ArrayList<>();
        withheld.addAll(java.util.Arrays.asList(event.observedAt(), event.recordedAt(), event.plotCode(), event.method(),
                event.stationId(), event.notes(), event.observer(), event.source(), event.reviewer(), event.reviewComment(),
                event.reviewedAt()));
        withheld.forEach(value -> assertNull(value, "withheld on the public topic"));
        assertTrue(event.media().isEmpty());

        PublicObservation macaque = disclosure.show(facts(MACAQUE), Caller.ANONYMOUS).toPublicEvent();
        assertEquals("CT-017", macaque.stationId());
        assertEquals(1, macaque.media().size());
    }
}
