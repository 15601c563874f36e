package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.LEOPARD;
import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.TestPlots.TestPlot;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Sensitive species (华北豹 here) are generalized for everyone but the observer, reviewers and admins, on every read
 * path, and nothing in or around a generalized record narrows it below its 0.1° cell and its day or ties it to an
 * exact record (domain/Disclosure). Besides the basics, each linkage attack seen in the wild is replayed here and must
 * fail: the station batch (a leopard and a macaque from one camera), time-filter bisection, the order and the cursor,
 * time-based uuids, filters on withheld fields, the Darwin Core Archive, and the indicators of a county with one plot.
 */
@QuarkusTest
class GeoprivacyTest {

    @Inject
    PlotIndex plots;

    @Inject
    StationBindings stations;

    private static final double LAT = 35.3321;
    private static final double LON = 113.3604;
    // Cell [35.3, 35.4) × [113.3, 113.4) → centre 35.35, 113.35; the half-diagonal is ≈ 7.2 km.
    private static final float CELL_LAT = 35.35f;
    private static final float CELL_LON = 113.35f;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** A county no other test of this module records in: the attacks below filter by it. */
    private static final String WUZHI = "410823";

    private String observer;
    private String uuid;
    private String publicId;

    private static RequestSpecification as(String bearer) {
        return bearer == null ? given() : given().header("Authorization", bearer);
    }

    /** Callers that get a leopard of someone else generalized: the public, another ranger, another station, the bureau. */
    private static List<String> generalizedFor() {
        return Arrays.asList(null, TestTokens.bearer(Roles.RANGER, "ranger-other-" + UUID.randomUUID()),
                TestTokens.bearer(Roles.STATION, "station-other-" + UUID.randomUUID()), TestTokens.bearer(Roles.BUREAU));
    }

    /** Records a leopard as a fresh ranger; sets observer, uuid and publicId (the id the public sees, shown to the observer). */
    private void recordLeopard(Map<String, Object> body) {
        observer = "ranger-" + UUID.randomUUID();
        uuid = (String) body.get("uuid");
        publicId = given().header("Authorization", TestTokens.bearer(Roles.RANGER, observer)).contentType(ContentType.JSON)
                .body(body).when().post("/observations").then().statusCode(201)
                .body("location.lat", equalTo((float) LAT)).body("coordinatesObscured", equalTo(false))
                .body("uuid", equalTo(uuid)).extract().path("publicId");
        assertNotEquals(uuid, publicId, "a sensitive record has a public id of its own");
    }

    private void recordLeopard() {
        recordLeopard(with(sighting(LEOPARD), "location", location(LAT, LON)));
    }

    private void assertObscuredFor(String bearer) {
        as(bearer).when().get("/observations/" + publicId).then().statusCode(200)
                .body("coordinatesObscured", equalTo(true))
                .body("uuid", equalTo(publicId))
                .body("location.lat", equalTo(CELL_LAT))
                .body("location.lon", equalTo(CELL_LON))
                .body("location.accuracyM", greaterThanOrEqualTo(7000f))
                .body("observedAt", nullValue()).body("recordedAt", nullValue()).body("observer", nullValue())
                .body(not(containsString("35.3321")))
                .body(not(containsString("113.3604")))
                .body(not(containsString(uuid)));
        // The stored uuid is not an address for those who get the record generalized: it would confirm a guessed uuid.
        as(bearer).when().get("/observations/" + uuid).then().statusCode(404);
    }

    private void assertExactFor(String bearer) {
        for (String id : List.of(uuid, publicId)) {
            as(bearer).when().get("/observations/" + id).then().statusCode(200)
                    .body("uuid", equalTo(uuid)).body("publicId", equalTo(publicId))
                    .body("coordinatesObscured", equalTo(false))
                    .body("location.lat", equalTo((float) LAT))
                    .body("location.lon", equalTo((float) LON))
                    .body("location.accuracyM", equalTo(10f))
                    .body("observer", equalTo(observer));
        }
    }

    @Test
    void the_public_gets_the_cell_centre() {
        recordLeopard();
        assertObscuredFor(null);
    }

    @Test
    void other_rangers_stations_and_bureau_staff_get_the_cell_centre() {
        recordLeopard();
        for (String bearer : generalizedFor()) {
            assertObscuredFor(bearer);
        }
    }

    @Test
    void the_observer_sees_the_exact_point() {
        recordLeopard();
        assertExactFor(TestTokens.bearer(Roles.RANGER, observer));
    }

    @Test
    void reviewers_and_admins_see_the_exact_point() {
        recordLeopard();
        assertExactFor(TestTokens.bearer(Roles.REVIEWER));
        assertExactFor(TestTokens.bearer(Roles.ADMIN));
    }

    @Test
    void a_conflicting_replay_does_not_echo_the_point() {
        recordLeopard();
        Map<String, Object> clash = with(with(sighting(LEOPARD), "uuid", uuid), "location", location(LAT, LON));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, "ranger-other-" + UUID.randomUUID()))
                .contentType(ContentType.JSON).body(clash).when().post("/observations").then().statusCode(409)
                .body(not(containsString("35.33"))).body(not(containsString("113.36")));
    }

    @Test
    void species_that_are_not_sensitive_are_exact_for_everyone() {
        Map<String, Object> body = with(sighting(MACAQUE), "location", location(LAT, LON));
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(201).body("publicId", equalTo(body.get("uuid")));
        given().when().get("/observations/" + body.get("uuid")).then().statusCode(200)
                .body("coordinatesObscured", equalTo(false))
                .body("location.lat", equalTo((float) LAT));
    }

    @Test
    void generalization_is_deterministic_so_repeated_reads_leak_nothing() {
        recordLeopard();
        for (String ignored : List.of("a", "b", "c")) {
            assertObscuredFor(null);
        }
    }

    /** A leopard caught by camera CT-… in a fresh plot, its photo stored under the camera's name, as camera teams do. */
    private void recordLeopardAtStation(TestPlot plot, String station) {
        observer = "ranger-" + UUID.randomUUID();
        TestStations.bind(stations, station, observer);
        Map<String, Object> body = with(with(with(with(plot.sighting(LEOPARD), "stationId", station), "method", "CAMERA_TRAP"),
                "media", List.of(Map.of("url", "https://media.jiaozuo-biodiversity.cn/" + station + "/0001.jpg"))),
                "notes", "seen by " + station);
        uuid = (String) body.get("uuid");
        publicId = given().header("Authorization", TestTokens.bearer(Roles.RANGER, observer)).contentType(ContentType.JSON)
                .body(body).when().post("/observations").then().statusCode(201)
                .body("plotCode", equalTo(plot.code())).body("stationId", equalTo(station)).extract().path("publicId");
    }

    @Test
    void whoever_gets_the_cell_centre_gets_neither_plot_nor_station_nor_photos_nor_notes() {
        String station = "CT-" + UUID.randomUUID();
        try (TestPlot plot = TestPlots.newPlot(plots)) {
            recordLeopardAtStation(plot, station);
            for (String bearer : generalizedFor()) {
                as(bearer).when().get("/observations/" + publicId).then().statusCode(200)
                        .body("coordinatesObscured", equalTo(true))
                        .body("plotCode", nullValue()).body("stationId", nullValue()).body("media", empty())
                        .body("notes", nullValue()).body("method", nullValue()).body("source", nullValue())
                        .body(not(containsString(plot.code()))).body(not(containsString(station)));
            }
            for (String bearer : List.of(TestTokens.bearer(Roles.RANGER, observer), TestTokens.bearer(Roles.REVIEWER),
                    TestTokens.bearer(Roles.ADMIN))) {
                as(bearer).when().get("/observations/" + uuid).then().statusCode(200)
                        .body("coordinatesObscured", equalTo(false))
                        .body("plotCode", equalTo(plot.code())).body("stationId", equalTo(station))
                        .body("media[0].url", containsString(station)).body("notes", containsString(station));
            }
        }
    }

    @Test
    void species_that_are_not_sensitive_keep_plot_and_station_for_everyone() {
        String station = TestStations.bound(stations, "ranger-test");
        try (TestPlot plot = TestPlots.newPlot(plots)) {
            Map<String, Object> body = with(plot.sighting(MACAQUE), "stationId", station);
            given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                    .when().post("/observations").then().statusCode(201);
            given().when().get("/observations/" + body.get("uuid")).then().statusCode(200)
                    .body("plotCode", equalTo(plot.code())).body("stationId", equalTo(station));
        }
    }

    @Test
    void a_plot_filter_does_not_reveal_a_sensitive_species_to_those_who_get_it_generalized() {
        try (TestPlot plot = TestPlots.newPlot(plots)) {
            recordLeopardAtStation(plot, "CT-" + UUID.randomUUID());
            Map<String, Object> macaque = plot.sighting(MACAQUE);
            given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(macaque)
                    .when().post("/observations").then().statusCode(201).body("plotCode", equalTo(plot.code()));

            for (String bearer : generalizedFor()) {
                as(bearer).queryParam("plotCode", plot.code()).when().get("/observations").then().statusCode(200)
                        .body("items.uuid", equalTo(List.of(macaque.get("uuid"))))
                        .body(not(containsString(uuid))).body(not(containsString(publicId)));
            }
            for (String bearer : List.of(TestTokens.bearer(Roles.RANGER, observer), TestTokens.bearer(Roles.REVIEWER),
                    TestTokens.bearer(Roles.ADMIN))) {
                as(bearer).queryParam("plotCode", plot.code()).when().get("/observations").then().statusCode(200)
                        .body("items.uuid", containsInAnyOrder(macaque.get("uuid"), uuid))
                        .body("items.plotCode", hasItem(plot.code()));
            }
        }
    }

    // ---- Linkage attacks -------------------------------------------------------------------------------------------

    /** Midnight in China of a day of its own, long ago, so a day's list holds only this test's records. */
    private static OffsetDateTime freshDay() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return OffsetDateTime.of(1950 + random.nextInt(36), 1 + random.nextInt(12), 1 + random.nextInt(28), 0, 0, 0, 0,
                ZoneOffset.ofHours(8));
    }

    private static Map<String, Object> at(Map<String, Object> body, OffsetDateTime observedAt) {
        return with(with(body, "observedAt", observedAt.toString()), "countyCode", WUZHI);
    }

    /** A day's records of WUZHI as {@code bearer} lists them (ids in list order). */
    private static List<String> dayList(String bearer, OffsetDateTime day, Map<String, ?> query) {
        return as(bearer).queryParam("countyCode", WUZHI).queryParam("from", day.toString())
                .queryParam("to", day.plusDays(1).toString()).queryParams(query).when().get("/observations")
                .then().statusCode(200).extract().jsonPath().getList("items.uuid");
    }

    /**
     * Attack 1: a station uploads a batch with a leopard and a macaque at the same camera, same time, same photo server.
     * Anonymously (and as bureau, another ranger, another station) the observer filter on the list, the CSV and the
     * GeoJSON export finds only the macaque, and the leopard, found otherwise, shares nothing with it: no observer,
     * station, method, time of day, recording time or media. The station itself and reviewers still see both.
     */
    @Test
    void a_station_batch_does_not_tie_its_leopard_to_the_exact_macaque_of_the_same_camera() {
        OffsetDateTime day = freshDay();
        OffsetDateTime when = day.plusHours(6).plusMinutes(12);
        String station = "station-ct-" + UUID.randomUUID();
        String camera = TestStations.bound(stations, station);
        Map<String, Object> common = Map.of("stationId", camera, "method", "CAMERA_TRAP", "notes", "camera " + camera,
                "media", List.of(Map.of("url", "https://media.jiaozuo-biodiversity.cn/" + camera + "/0001.jpg")));
        Map<String, Object> leopard = at(with(sighting(LEOPARD), "location", location(LAT, LON)), when);
        Map<String, Object> macaque = at(with(sighting(MACAQUE), "location", location(LAT, LON)), when);
        for (Map.Entry<String, Object> field : common.entrySet()) {
            leopard = with(leopard, field.getKey(), field.getValue());
            macaque = with(macaque, field.getKey(), field.getValue());
        }
        String stationBearer = TestTokens.bearer(Roles.STATION, station);
        given().header("Authorization", stationBearer).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(leopard, macaque))).when().post("/observations/batch").then().statusCode(200)
                .body("accepted", equalTo(2));
        String leopardUuid = (String) leopard.get("uuid");
        String macaqueUuid = (String) macaque.get("uuid");
        String leopardPublic = given().header("Authorization", stationBearer).when().get("/observations/" + leopardUuid)
                .then().statusCode(200).body("stationId", equalTo(camera)).extract().path("publicId");

        for (String bearer : generalizedFor()) {
            as(bearer).queryParam("observer", station).when().get("/observations").then().statusCode(200)
                    .body("items.uuid", equalTo(List.of(macaqueUuid)))
                    .body(not(containsString(leopardUuid))).body(not(containsString(leopardPublic)));
            String csv = as(bearer).queryParam("observer", station).when().get("/observations.csv").then().statusCode(200)
                    .extract().asString();
            assertEquals(2, csv.split("\r\n").length, "header and the macaque: " + csv);
            assertTrue(csv.contains(macaqueUuid));
            assertFalse(csv.contains(leopardUuid) || csv.contains(leopardPublic), csv);
            as(bearer).queryParam("observer", station).when().get("/observations.geojson").then().statusCode(200)
                    .body("features.id", equalTo(List.of(macaqueUuid)));

            // Found by species and day, the leopard carries nothing the macaque could be matched on.
            JsonPath day0 = as(bearer).queryParam("countyCode", WUZHI).queryParam("speciesId", LEOPARD)
                    .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                    .when().get("/observations").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(leopardPublic), day0.getList("items.uuid"));
            Map<String, Object> cat = day0.getMap("items[0]");
            for (String withheld : List.of("observedAt", "recordedAt", "observer", "stationId", "plotCode", "method", "source",
                    "notes", "reviewer", "reviewComment", "reviewedAt")) {
                assertEquals(null, cat.get(withheld), withheld + " of a generalized record");
            }
            assertEquals(List.of(), cat.get("media"));
            assertEquals(day.toLocalDate().toString(), cat.get("observedOn"));
            String dayText = as(bearer).queryParam("countyCode", WUZHI).queryParam("from", day.toString())
                    .queryParam("to", day.plusDays(1).toString()).when().get("/observations").then().statusCode(200)
                    .extract().asString();
            JsonPath both = JsonPath.from(dayText);
            assertEquals(2, both.getList("items").size());
            // The macaque shows its recording instant; the leopard's must be nowhere in the answer.
            String recordedAt = both.getString("items.find { it.uuid == '" + macaqueUuid + "' }.recordedAt");
            assertEquals(1, dayText.split(java.util.regex.Pattern.quote(recordedAt), -1).length - 1, "only the macaque's");
            String geo = as(bearer).queryParam("countyCode", WUZHI).queryParam("speciesId", LEOPARD)
                    .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                    .when().get("/observations.geojson").then().statusCode(200).extract().asString();
            assertFalse(geo.contains(camera) || geo.contains(station) || geo.contains("06:12") || geo.contains(leopardUuid), geo);
        }
        // The station itself and reviewers see both (exact).
        for (String bearer : List.of(stationBearer, TestTokens.bearer(Roles.REVIEWER))) {
            as(bearer).queryParam("observer", station).when().get("/observations").then().statusCode(200)
                    .body("items.uuid", containsInAnyOrder(leopardUuid, macaqueUuid))
                    .body("items.stationId", equalTo(List.of(camera, camera)));
        }

        // The Darwin Core Archive (published, so always as the public sees it) ties them no better.
        byte[] zip = given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("countyCode", WUZHI)
                .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .when().get("/exports/dwca").then().statusCode(200).extract().asByteArray();
        Map<String, Map<String, String>> rows = new java.util.HashMap<>();
        try {
            DarwinCoreArchiveExportTest.read(zip).rows().forEach(r -> rows.put(r.get(DarwinCoreArchiveExportTest.DWC + "occurrenceID"), r));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        String dwc = DarwinCoreArchiveExportTest.DWC;
        Map<String, String> cat = rows.get("urn:uuid:" + leopardPublic);
        Map<String, String> monkey = rows.get("urn:uuid:" + macaqueUuid);
        assertEquals(2, rows.size(), rows.keySet().toString());
        assertEquals("", cat.get(dwc + "recordedBy"), "the observer pseudonym would match the macaque's");
        assertFalse(monkey.get(dwc + "recordedBy").isEmpty());
        assertEquals("", cat.get(dwc + "eventID"));
        assertEquals("", cat.get(dwc + "samplingProtocol"));
        assertEquals("Occurrence", cat.get(dwc + "basisOfRecord"));
        assertEquals(day.toLocalDate().toString(), cat.get(dwc + "eventDate"));
        assertEquals(camera, monkey.get(dwc + "eventID"));
        assertFalse(new String(zip, StandardCharsets.ISO_8859_1).contains(leopardUuid));
    }

    /** Attack: bisecting the time of day with from/to. A sensitive record answers by its day, whatever the bounds. */
    @Test
    void from_and_to_cannot_bisect_the_time_of_day() {
        OffsetDateTime day = freshDay();
        OffsetDateTime when = day.plusHours(6).plusMinutes(12);
        recordLeopard(at(with(sighting(LEOPARD), "location", location(LAT, LON)), when));

        for (String bearer : generalizedFor()) {
            for (String path : List.of("/observations", "/observations.geojson")) {
                String ids = path.endsWith("geojson") ? "features.id" : "items.uuid";
                // Inside the day every bound gives the same answer: before and after the exact minute alike.
                for (OffsetDateTime from : List.of(when.minusMinutes(1), when, when.plusSeconds(1), day.plusHours(23))) {
                    as(bearer).queryParam("countyCode", WUZHI).queryParam("from", from.toString())
                            .queryParam("to", day.plusDays(1).toString()).when().get(path).then().statusCode(200)
                            .body(ids, empty());
                }
                for (OffsetDateTime to : List.of(day.plusSeconds(1), when, when.plusSeconds(1), day.plusHours(23))) {
                    as(bearer).queryParam("countyCode", WUZHI).queryParam("from", day.toString()).queryParam("to", to.toString())
                            .when().get(path).then().statusCode(200).body(ids, equalTo(List.of(publicId)));
                }
                as(bearer).queryParam("countyCode", WUZHI).queryParam("from", day.minusDays(1).toString())
                        .queryParam("to", day.toString()).when().get(path).then().statusCode(200).body(ids, empty());
            }
        }
    }

    /**
     * Attack: the list is in time order, so a generalized record between two exact ones would give away its time, and
     * the cursor held the last row's exact time and uuid. A sensitive record now stands at the start of its day (for
     * everyone), and a cursor holds nothing but that.
     */
    @Test
    void the_order_and_the_cursor_tell_only_the_day() {
        OffsetDateTime day = freshDay();
        OffsetDateTime when = day.plusHours(6).plusMinutes(12);
        String ranger = TestTokens.bearer(Roles.RANGER);
        List<String> macaques = new ArrayList<>();
        for (OffsetDateTime at : List.of(day.plusHours(7), day.plusHours(5))) {
            Map<String, Object> body = at(sighting(MACAQUE), at);
            given().header("Authorization", ranger).contentType(ContentType.JSON).body(body).when().post("/observations")
                    .then().statusCode(201);
            macaques.add((String) body.get("uuid"));
        }
        recordLeopard(at(with(sighting(LEOPARD), "location", location(LAT, LON)), when));

        assertEquals(List.of(macaques.get(0), macaques.get(1), publicId), dayList(null, day, Map.of()),
                "newest first, the leopard at the start of its day, not between 07:00 and 05:00");
        assertEquals(List.of(macaques.get(0), macaques.get(1), uuid), dayList(TestTokens.bearer(Roles.REVIEWER), day, Map.of()),
                "the same order for those who see it exactly");

        // Page by page: no cursor holds the leopard's time or uuid.
        String cursor = null;
        List<String> paged = new ArrayList<>();
        do {
            RequestSpecification request = given().queryParam("countyCode", WUZHI).queryParam("from", day.toString())
                    .queryParam("to", day.plusDays(1).toString()).queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/observations").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.uuid"));
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                assertFalse(decoded.contains(uuid), decoded);
                assertFalse(decoded.contains(when.toInstant().toString()), decoded);
            }
        } while (cursor != null);
        assertEquals(List.of(macaques.get(0), macaques.get(1), publicId), paged);
        // A forged cursor at the exact minute neither finds nor hides it by its time.
        String at = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((when.toInstant() + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String justAfter = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((when.toInstant().plusSeconds(1) + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        assertEquals(dayList(null, day, Map.of("cursor", at)), dayList(null, day, Map.of("cursor", justAfter)));
    }

    /** Attack: time-based uuids (v7 here) carry the time of recording; the public sees a keyed pseudonym instead. */
    @Test
    void a_time_based_uuid_is_replaced_by_the_public_id() {
        long millis = Instant.now().toEpochMilli();
        UUID v7 = new UUID((millis << 16) | 0x7000L | ThreadLocalRandom.current().nextInt(0x1000),
                (ThreadLocalRandom.current().nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
        recordLeopard(with(with(sighting(LEOPARD), "location", location(LAT, LON)), "uuid", v7.toString()));
        assertNotEquals(v7.getMostSignificantBits() >>> 16, UUID.fromString(publicId).getMostSignificantBits() >>> 16);
        for (String bearer : generalizedFor()) {
            assertObscuredFor(bearer);
        }
        assertExactFor(TestTokens.bearer(Roles.RANGER, observer));
    }

    /** A species an admin flags sensitive later takes its past records along: generalized, and listed by their day. */
    @Test
    void a_species_made_sensitive_later_is_generalized_with_its_past_records() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> species = new java.util.HashMap<>(Map.of("scientificName", "Felis testus " + tag,
                "chineseName", "测试猫" + tag, "englishName", "Test cat " + tag, "group", "MAMMAL",
                "protectionLevel", "NATIONAL_II", "invasive", false, "sensitive", false));
        String admin = TestTokens.bearer(Roles.ADMIN);
        int id = given().header("Authorization", admin).contentType(ContentType.JSON).body(species).when().post("/species")
                .then().statusCode(201).extract().path("id");
        OffsetDateTime day = freshDay();
        Map<String, Object> cat = at(with(with(sighting(MACAQUE), "speciesId", id), "location", location(LAT, LON)),
                day.plusHours(6));
        Map<String, Object> macaque = at(sighting(MACAQUE), day.plusHours(5));
        String ranger = "ranger-" + UUID.randomUUID();
        for (Map<String, Object> body : List.of(cat, macaque)) {
            given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger)).contentType(ContentType.JSON).body(body)
                    .when().post("/observations").then().statusCode(201);
        }
        assertEquals(List.of(cat.get("uuid"), macaque.get("uuid")), dayList(null, day, Map.of()));

        species.put("sensitive", true);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(species).when().put("/species/" + id)
                .then().statusCode(200);
        String catPublic = given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger))
                .when().get("/observations/" + cat.get("uuid")).then().statusCode(200).extract().path("publicId");
        assertEquals(List.of(macaque.get("uuid"), catPublic), dayList(null, day, Map.of()), "now at the start of its day");
        given().when().get("/observations/" + cat.get("uuid")).then().statusCode(404);
        given().when().get("/observations/" + catPublic).then().statusCode(200).body("coordinatesObscured", equalTo(true))
                .body("location.lat", equalTo(CELL_LAT));
    }

    /** Attack: a method filter (CAMERA_TRAP) would tell how a generalized record was made; it leaves them out. */
    @Test
    void a_method_filter_leaves_generalized_records_out() {
        OffsetDateTime day = freshDay();
        recordLeopard(at(with(with(sighting(LEOPARD), "location", location(LAT, LON)), "method", "CAMERA_TRAP"),
                day.plusHours(3)));
        for (String bearer : generalizedFor()) {
            assertEquals(List.of(), dayList(bearer, day, Map.of("method", "CAMERA_TRAP")));
            assertEquals(List.of(publicId), dayList(bearer, day, Map.of()));
        }
        assertEquals(List.of(uuid), dayList(TestTokens.bearer(Roles.RANGER, observer), day, Map.of("method", "CAMERA_TRAP")));
        assertEquals(List.of(uuid), dayList(TestTokens.bearer(Roles.ADMIN), day, Map.of("method", "CAMERA_TRAP")));
    }

    /**
     * Attack 2: the protection rate of a county with a single plot (whose polygon is readable) told that the leopard
     * was recorded inside that plot. The public rate leaves sensitive species out; reviewers and admins see it.
     */
    @Test
    void the_indicators_of_a_county_with_one_plot_do_not_tell_that_the_leopard_was_in_it() {
        String county = "410825"; // 温县: no other test records there
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (TestPlot plot = TestPlots.newPlot(plots, county, 34.93 + random.nextDouble(0.05), 113.00 + random.nextDouble(0.1))) {
            int sensitiveNational = given().when().get("/species").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.sensitive && it.protectionLevel.startsWith('NATIONAL') }").size();
            assertTrue(sensitiveNational >= 9, "华北豹, 林麝, 黑鹳 … are seeded");
            JsonPath publicBefore = indicators(null, county);
            JsonPath adminBefore = indicators(TestTokens.bearer(Roles.ADMIN), county);
            Map<String, Object> body = with(plot.sighting(LEOPARD), "observedAt",
                    OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS).toString());
            given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                    .when().post("/observations").then().statusCode(201).body("plotCode", equalTo(plot.code()));

            for (String bearer : generalizedFor()) {
                JsonPath after = indicators(bearer, county);
                for (String field : List.of("protectionRate", "protectionRateDetail.protectedRecorded",
                        "protectionRateDetail.protectedInCatalog")) {
                    assertEquals(publicBefore.getString(field), after.getString(field), field + " does not move");
                }
                assertEquals(sensitiveNational, after.getInt("protectionRateDetail.sensitiveWithheld"),
                        "the catalog's sensitive class I/II species");
                // The county-level fact is public anyway (the generalized record shows its county), its time of day is not.
                String last = after.getString("protectedSpeciesRecorded.find { it.group == 'MAMMAL' }.species.find { it.id == 1 }"
                        + ".lastRecordedAt");
                OffsetDateTime observed = OffsetDateTime.parse((String) body.get("observedAt"));
                assertEquals(observed.atZoneSameInstant(CHINA).toLocalDate().atStartOfDay(CHINA).toInstant(), Instant.parse(last));
            }
            JsonPath adminAfter = indicators(TestTokens.bearer(Roles.ADMIN), county);
            assertEquals(0, adminAfter.getInt("protectionRateDetail.sensitiveWithheld"));
            assertEquals(adminBefore.getInt("protectionRateDetail.protectedRecorded") + 1,
                    adminAfter.getInt("protectionRateDetail.protectedRecorded"), "admins still see the full rate");
        }
    }

    /**
     * Attack: polling the moving 12-month window for the moment a sensitive species drops out would give its exact time.
     * Its record counts from the start of its day: one observed a minute inside the window by the clock is already out.
     */
    @Test
    void the_moving_window_of_the_indicators_counts_a_sensitive_record_by_its_day() {
        String county = "410822"; // 博爱县: no other test records there
        OffsetDateTime now = OffsetDateTime.now(CHINA);
        OffsetDateTime observed = now.minusMonths(12).plusMinutes(2).truncatedTo(ChronoUnit.SECONDS);
        Assumptions.assumeTrue(observed.toLocalDate().equals(now.minusMonths(12).toLocalDate()), "not across midnight");
        Map<String, Object> body = with(with(sighting(LEOPARD), "countyCode", county), "observedAt", observed.toString());
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(201);
        JsonPath doc = indicators(null, county);
        assertEquals(1, doc.getInt("speciesRichness.allTime"));
        assertEquals(0, doc.getInt("speciesRichness.last12Months"), "its day began before the window");
    }

    private static JsonPath indicators(String bearer, String county) {
        return as(bearer).queryParam("county", county).when().get("/indicators").then().statusCode(200).extract().jsonPath();
    }
}
