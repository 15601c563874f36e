package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.postSentinel;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.observation.domain.CountyOutlines;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * POST /imports/camtrap-dp takes a zipped Camtrap DP 1.0 package: animal observations become
 * CAMERA_TRAP observations at their deployment (stationId = deploymentID) through the intake path,
 * every other row is reported with file and line, and importing the package again stores nothing new.
 */
@QuarkusTest
class CamtrapDpImportTest {

    static final String DEPLOYMENTS_HEADER = "deploymentID,locationID,locationName,latitude,longitude,coordinateUncertainty,"
            + "deploymentStart,deploymentEnd,setupBy,cameraID,cameraModel,cameraDelay,cameraHeight,cameraDepth,cameraTilt,"
            + "cameraHeading,detectionDistance,timestampIssues,baitUse,featureType,habitat,deploymentGroups,deploymentTags,"
            + "deploymentComments";
    static final String MEDIA_HEADER = "mediaID,deploymentID,captureMethod,timestamp,filePath,filePublic,fileName,"
            + "fileMediatype,exifData,favorite,mediaComments";
    static final String OBSERVATIONS_HEADER = "observationID,deploymentID,mediaID,eventID,eventStart,eventEnd,"
            + "observationLevel,observationType,cameraSetupType,scientificName,count,lifeStage,sex,behavior,individualID,"
            + "individualPositionRadius,individualPositionAngle,individualSpeed,bboxX,bboxY,bboxWidth,bboxHeight,"
            + "classificationMethod,classifiedBy,classificationTimestamp,classificationProbability,observationTags,"
            + "observationComments";

    @Inject
    PlotIndex plots;

    @Inject
    StationBindings stations;

    @Inject
    CountyOutlines counties;

    /** A package with one deployment at (lat, lon) and five observation rows (lines 2–6 of observations.csv). */
    static byte[] samplePackage(String deploymentId, double lat, double lon, OffsetDateTime at) throws IOException {
        String start = at.minusDays(10).toString();
        String end = at.plusMinutes(1).toString();
        String deployments = DEPLOYMENTS_HEADER + "\n" + String.format(Locale.ROOT,
                "%s,loc-%s,Taihang cliff path,%.6f,%.6f,15,%s,%s,Zhang Wei,CAM-1,Reconyx-HyperFire 2,,1.2,,,,,false,none,,"
                        + "temperate forest,,,\n", deploymentId, deploymentId, lat, lon, start, end);
        String media = MEDIA_HEADER + "\n"
                + "m1," + deploymentId + ",activityDetection," + at + ",https://media.jiaozuo-biodiversity.cn/" + deploymentId
                + "/0001.jpg,false,0001.jpg,image/jpeg,,false,\n"
                + "m2," + deploymentId + ",timeLapse," + at.plusSeconds(30) + ",images/0002.jpg,false,0002.jpg,image/jpeg,,false,\n";
        String observations = OBSERVATIONS_HEADER + "\r\n"
                // line 2: macaques, with a quoted comment holding a comma
                + "o1," + deploymentId + ",m1,e1," + at + "," + at.plusSeconds(20) + ",event,animal,,Macaca mulatta,3,adult,"
                + "female,foraging,,,,,,,,,human,Li Na,2025-05-15T10:00:00Z,,,\"troop, then left\"\r\n"
                // line 3: an empty frame
                + "o2," + deploymentId + ",m2,e2," + at.plusSeconds(30) + "," + at.plusSeconds(30) + ",event,blank,,,,,,,,,,,,,,,"
                + "machine,MegaDetector v5,2025-05-15T10:00:00Z,0.97,,\r\n"
                // line 4: a species the catalog does not know
                + "o3," + deploymentId + ",m1,e3," + at.plusSeconds(40) + "," + at.plusSeconds(50) + ",event,animal,,Felis catus,1,"
                + "adult,unknown,,,,,,,,,,human,Li Na,,,,\r\n"
                // line 5: a leopard, count left empty
                + "o4," + deploymentId + ",m2,e4," + at.plusSeconds(60) + "," + at.plusSeconds(90) + ",event,animal,,"
                + "Panthera pardus japonensis,,adult,male,walking,,,,,,,,,human,Li Na,,,,\r\n"
                // line 6: a deployment the package does not have
                + "o5,NOPE,m1,e5," + at.plusSeconds(70) + "," + at.plusSeconds(80) + ",event,animal,,Macaca mulatta,1,,,,,,,,,,,,"
                + "human,Li Na,,,,\r\n";
        String descriptor = String.format(Locale.ROOT, """
                {"profile": "https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0/camtrap-dp-profile.json",
                 "name": "jiaozuo-ct-%s", "id": "%s", "created": "%s",
                 "contributors": [{"title": "Zhang Wei", "role": "contact"}],
                 "project": {"title": "Taihang camera traps", "samplingDesign": "opportunistic", "captureMethod": ["activityDetection"],
                             "individualAnimals": false, "observationLevel": ["event"]},
                 "spatial": {"type": "Point", "coordinates": [%.6f, %.6f]},
                 "temporal": {"start": "%s", "end": "%s"},
                 "taxonomic": [{"scientificName": "Macaca mulatta"}],
                 "resources": [
                   {"name": "deployments", "path": "deployments.csv", "profile": "tabular-data-resource", "format": "csv",
                    "mediatype": "text/csv", "encoding": "utf-8", "schema": "https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0/deployments-table-schema.json"},
                   {"name": "media", "path": "media.csv", "profile": "tabular-data-resource", "format": "csv",
                    "mediatype": "text/csv", "encoding": "utf-8", "schema": "https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0/media-table-schema.json"},
                   {"name": "observations", "path": "observations.csv", "profile": "tabular-data-resource", "format": "csv",
                    "mediatype": "text/csv", "encoding": "utf-8", "schema": "https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0/observations-table-schema.json"}]}
                """, deploymentId, UUID.randomUUID(), Instant.now(), lon, lat, at.toLocalDate().minusDays(10),
                at.toLocalDate());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("datapackage.json", descriptor);
        files.put("deployments.csv", deployments);
        files.put("media.csv", media);
        files.put("observations.csv", observations);
        return zip(files);
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("ct-package/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A deployments.csv row (after the header) for a deployment at (lat, lon). */
    static String deploymentRow(String id, double lat, double lon) {
        return String.format(Locale.ROOT, "%s,,,%.6f,%.6f,15,,,,,,,,,,,,,,,,,,", id, lat, lon);
    }

    /** An observations.csv row; the columns after count are left empty. */
    static String observationRow(String observationId, String deploymentId, String mediaId, String eventId, OffsetDateTime at,
            String level, String type, String scientificName, String count) {
        return String.join(",", observationId, deploymentId, mediaId, eventId, at.toString(), at.toString(), level, type, "",
                scientificName, count) + ",".repeat(17);
    }

    /** A package of these deployments.csv rows, no media rows, and these observations.csv rows (line 2 onwards). */
    static byte[] pack(List<String> deploymentRows, List<String> observationRows) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("datapackage.json", "{\"id\": \"" + UUID.randomUUID() + "\", \"profile\": "
                + "\"https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0/camtrap-dp-profile.json\"}");
        files.put("deployments.csv", DEPLOYMENTS_HEADER + "\n" + String.join("\n", deploymentRows) + "\n");
        files.put("media.csv", MEDIA_HEADER + "\n");
        files.put("observations.csv", OBSERVATIONS_HEADER + "\n" + String.join("\n", observationRows) + "\n");
        return zip(files);
    }

    private static double lat() {
        return 35.30 + ThreadLocalRandom.current().nextDouble(0.1);
    }

    private static double lon() {
        return 113.30 + ThreadLocalRandom.current().nextDouble(0.1);
    }

    /** What a reviewer reads of the station's records, oldest first. */
    private static List<Map<String, Object>> storedBy(String station) {
        List<Map<String, Object>> items = given().header("Authorization", TestTokens.bearer(Roles.REVIEWER))
                .queryParam("observer", station).when().get("/observations").then().statusCode(200).extract().jsonPath()
                .getList("items");
        return items.stream().sorted(java.util.Comparator.comparing(i -> OffsetDateTime.parse((String) i.get("observedAt"))))
                .toList();
    }

    private static JsonPath upload(String bearer, byte[] zip, String countyCode) {
        var request = given().header("Authorization", bearer).contentType("application/zip").body(zip);
        if (countyCode != null) {
            request = request.queryParam("countyCode", countyCode);
        }
        return request.when().post("/imports/camtrap-dp").then().statusCode(200).extract().jsonPath();
    }

    private static OffsetDateTime recently() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void a_package_imported_twice_gives_the_same_observations_and_reports_every_other_row() throws IOException {
        String station = "station-" + UUID.randomUUID();
        String deployment = TestStations.bound(stations, station);
        OffsetDateTime at = recently();
        byte[] zip = samplePackage(deployment, 35.30 + ThreadLocalRandom.current().nextDouble(0.1),
                113.30 + ThreadLocalRandom.current().nextDouble(0.1), at);

        JsonPath first = upload(TestTokens.bearer(Roles.STATION, station), zip, "410821");
        assertEquals(2, first.getInt("created"));
        assertEquals(0, first.getInt("duplicates"));
        assertEquals(2, first.getInt("rejected"));
        assertEquals(1, first.getInt("skipped"));
        assertEquals(0, first.getInt("combined"));
        assertEquals(List.of(3, 4, 6), first.getList("errors.row"));
        assertEquals(List.of("observations.csv", "observations.csv", "observations.csv"), first.getList("errors.file"));
        assertEquals(List.of("SKIPPED", "REJECTED", "REJECTED"), first.getList("errors.outcome"));
        assertEquals("scientificName 'Felis catus' is not in the species catalog", first.getString("errors[1].message"));
        assertEquals("deploymentID 'NOPE' is not in deployments.csv", first.getString("errors[2].message"));
        assertEquals("410821", first.getString("deployments[0].countyCode"));

        JsonPath second = upload(TestTokens.bearer(Roles.STATION, station), zip, "410821");
        assertEquals(0, second.getInt("created"));
        assertEquals(2, second.getInt("duplicates"));
        assertEquals(first.getInt("rejected"), second.getInt("rejected"));
        assertEquals(first.getInt("skipped"), second.getInt("skipped"));
        assertEquals(first.getList("errors"), second.getList("errors"));

        // Read as a reviewer; the leopard is listed at the start of its day (Disclosure), after the macaque.
        JsonPath stored = given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).queryParam("observer", station)
                .when().get("/observations").then().statusCode(200).extract().jsonPath();
        assertEquals(2, stored.getList("items").size(), "two observations, not four");
        assertEquals(List.of("Macaca mulatta", "Panthera pardus japonensis"), stored.getList("items.species.scientificName"));
        assertEquals(List.of(3, 1), stored.getList("items.count"), "an empty count is one animal");
        assertEquals(List.of(deployment, deployment), stored.getList("items.stationId"));
        assertEquals(List.of("CAMERA_TRAP", "CAMERA_TRAP"), stored.getList("items.method"));
        assertEquals(List.of("STATION", "STATION"), stored.getList("items.source"));
        assertEquals(List.of("410821", "410821"), stored.getList("items.countyCode"));
        assertEquals(at, OffsetDateTime.parse(stored.getString("items[0].observedAt"))); // toString drops ":00" seconds
        // The package's ids stay out of the notes: they would tie a record to the others of its camera.
        assertEquals("lifeStage=adult; sex=female; behavior=foraging; classificationMethod=human;"
                + " classifiedBy=Li Na; observationComments=troop, then left", stored.getString("items[0].notes"));
        assertEquals("https://media.jiaozuo-biodiversity.cn/" + deployment + "/0001.jpg", stored.getString("items[0].media[0].url"));

        // The public: the observer filter finds the macaque only, and the leopard carries no deployment, ids or notes.
        given().queryParam("observer", station).when().get("/observations").then().statusCode(200)
                .body("items.species.scientificName", equalTo(List.of("Macaca mulatta")));
        String leopardPublic = stored.getString("items[1].publicId");
        String leopard = given().when().get("/observations/" + leopardPublic).then().statusCode(200)
                .body("coordinatesObscured", equalTo(true)).body("stationId", org.hamcrest.Matchers.nullValue())
                .body("notes", org.hamcrest.Matchers.nullValue()).body("media", org.hamcrest.Matchers.empty())
                .extract().asString();
        assertFalse(leopard.contains(deployment) || leopard.contains(stored.getString("items[1].uuid")), leopard);

        // The same events as any intake: ObservationRecorded once per observation, however often it is imported.
        String macaque = stored.getString("items[0].uuid");
        String sentinel = postSentinel();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(1, kafka.beforeSentinel(Topics.OBSERVATIONS, r -> r.value().contains(sentinel),
                    r -> r.value().contains(macaque), Duration.ofSeconds(30)).size());
        }
    }

    @Test
    void a_deployment_inside_a_plot_takes_the_plot_and_its_county() throws IOException {
        double lat = 34.62 + ThreadLocalRandom.current().nextDouble(0.25);
        double lon = 112.32 + ThreadLocalRandom.current().nextDouble(0.35);
        String plot = TestPlots.newPlot(plots, "410883", lat, lon).code();

        String station = "station-" + UUID.randomUUID();
        JsonPath report = upload(TestTokens.bearer(Roles.STATION, station),
                samplePackage(TestStations.bound(stations, station), lat, lon, recently()), null);
        assertEquals(2, report.getInt("created"));
        assertEquals(plot, report.getString("deployments[0].plotCode"));
        given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).queryParam("observer", station)
                .when().get("/observations").then().statusCode(200)
                .body("items.plotCode", equalTo(List.of(plot, plot)))
                .body("items.countyCode", equalTo(List.of("410883", "410883")));
    }

    @Test
    void a_deployment_in_no_plot_takes_the_county_of_the_outline_covering_it() throws IOException {
        double[] p = TestOutlines.freePoint();
        try (TestOutlines.TestOutline outline = TestOutlines.outline(counties, "410821", p[0], p[1], 0.005)) {
            String station = "station-" + UUID.randomUUID();
            JsonPath report = upload(TestTokens.bearer(Roles.STATION, station),
                    samplePackage(TestStations.bound(stations, station), p[0], p[1], recently()), null);
            assertEquals(2, report.getInt("created"));
            assertEquals(null, report.getString("deployments[0].plotCode"));
            assertEquals("410821", report.getString("deployments[0].countyCode"));
            given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).queryParam("observer", station)
                    .when().get("/observations").then().statusCode(200)
                    .body("items.countyCode", equalTo(List.of("410821", "410821")));
        }
    }

    @Test
    void without_a_plot_or_county_every_animal_row_is_rejected_with_the_reason() throws IOException {
        String station = "station-" + UUID.randomUUID();
        JsonPath report = upload(TestTokens.bearer(Roles.STATION, station),
                samplePackage(TestStations.bound(stations, station), 35.41, 113.41, recently()), null);
        assertEquals(0, report.getInt("created"));
        assertEquals(4, report.getInt("rejected"));
        assertEquals("no sampling plot and no single county outline contains the deployment; give the countyCode query parameter",
                report.getString("errors[0].message"));
    }

    @Test
    void a_package_without_datapackage_json_is_a_400() throws IOException {
        byte[] zip = zip(Map.of("deployments.csv", DEPLOYMENTS_HEADER + "\n", "media.csv", MEDIA_HEADER + "\n",
                "observations.csv", OBSERVATIONS_HEADER + "\n"));
        given().header("Authorization", TestTokens.bearer(Roles.STATION)).contentType("application/zip").body(zip)
                .when().post("/imports/camtrap-dp").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("datapackage.json"));
    }

    @Test
    void a_body_that_is_not_a_zip_is_a_400() {
        given().header("Authorization", TestTokens.bearer(Roles.STATION)).contentType("application/zip")
                .body("observationID,deploymentID\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/imports/camtrap-dp").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void a_small_zip_that_unpacks_beyond_the_limit_is_a_413() throws IOException {
        // 33 MB of one comment repeated compresses to a few kilobytes: the limit is on what it unpacks to.
        String padding = "o,CT-B,m,e,2025-05-15T10:00:00+08:00,,event,blank,,,,,,,,,,,,,,,,,,,,\n".repeat(33 * 1024 * 1024 / 64);
        byte[] zip = zip(Map.of("datapackage.json", "{}", "deployments.csv", DEPLOYMENTS_HEADER + "\n", "media.csv",
                MEDIA_HEADER + "\n", "observations.csv", OBSERVATIONS_HEADER + "\n" + padding));
        given().header("Authorization", TestTokens.bearer(Roles.STATION)).contentType("application/zip").body(zip)
                .queryParam("countyCode", "410821")
                .when().post("/imports/camtrap-dp").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void an_event_classified_at_event_level_counts_its_animal_once_and_skips_its_media_rows() throws IOException {
        // The standard's own example: one grey heron, 1 event-level row and 30 media-level rows of the same event.
        String station = "station-" + UUID.randomUUID();
        String deployment = TestStations.bound(stations, station);
        OffsetDateTime at = recently();
        List<String> rows = new java.util.ArrayList<>();
        rows.add(observationRow("ev-1", deployment, "", "seq-1", at, "event", "animal", "Macaca mulatta", "2"));
        for (int i = 1; i <= 30; i++) {
            rows.add(observationRow("ev-1-m" + i, deployment, "m" + i, "seq-1", at.plusSeconds(i), "media", "animal",
                    "Macaca mulatta", i == 7 ? "3" : "1"));
        }
        rows.add(observationRow("ev-1-m31", deployment, "m31", "seq-1", at.plusSeconds(31), "media", "blank", "", ""));
        byte[] zip = pack(List.of(deploymentRow(deployment, lat(), lon())), rows);

        JsonPath report = upload(TestTokens.bearer(Roles.STATION, station), zip, "410821");
        assertEquals(List.of(1, 0, 0, 31, 0), List.of(report.getInt("created"), report.getInt("duplicates"),
                report.getInt("rejected"), report.getInt("skipped"), report.getInt("combined")));
        assertEquals(java.util.stream.IntStream.rangeClosed(3, 33).boxed().toList(), report.getList("errors.row"));
        assertEquals("media-level row of an event classified at event level (eventID 'seq-1'): the event-level rows count"
                + " its animals; skipped", report.getString("errors[0].message"));
        assertEquals("SKIPPED", report.getString("errors[29].outcome"));
        assertEquals("observationType 'blank' is not an animal observation; skipped", report.getString("errors[30].message"));

        List<Map<String, Object>> stored = storedBy(station);
        assertEquals(1, stored.size(), "one record of the event, not 31");
        assertEquals(2, stored.get(0).get("count"), "the event-level count, not a photo's");
        assertEquals(at, OffsetDateTime.parse((String) stored.get(0).get("observedAt")));

        JsonPath again = upload(TestTokens.bearer(Roles.STATION, station), zip, "410821");
        assertEquals(List.of(0, 1, 31), List.of(again.getInt("created"), again.getInt("duplicates"), again.getInt("skipped")));
    }

    @Test
    void an_event_with_only_media_rows_gives_one_observation_per_species_with_the_highest_count() throws IOException {
        String station = "station-" + UUID.randomUUID();
        String deployment = TestStations.bound(stations, station);
        OffsetDateTime at = recently();
        byte[] zip = pack(List.of(deploymentRow(deployment, lat(), lon())), List.of(
                // lines 2–6: event seq-a, three photos of macaques (two classifications of the second) and a leopard
                observationRow("a1", deployment, "p1", "seq-a", at.plusSeconds(2), "media", "animal", "Macaca mulatta", "1"),
                observationRow("a2", deployment, "p2", "seq-a", at.plusSeconds(3), "media", "animal", "Macaca mulatta", "3"),
                observationRow("a3", deployment, "p2", "seq-a", at.plusSeconds(3), "media", "animal", "Macaca mulatta", "3"),
                observationRow("a4", deployment, "p3", "seq-a", at, "media", "animal", "Macaca mulatta", ""),
                observationRow("a5", deployment, "p3", "seq-a", at.plusSeconds(4), "media", "animal",
                        "Panthera pardus japonensis", "1"),
                // lines 7–8: event seq-b, a species the catalog does not know, in two photos
                observationRow("b1", deployment, "p4", "seq-b", at.plusMinutes(5), "media", "animal", "Felis catus", "1"),
                observationRow("b2", deployment, "p5", "seq-b", at.plusMinutes(6), "media", "animal", "Felis catus", "1"),
                // lines 9–10: no eventID: each photo is its own event, its two classifications one record
                observationRow("c1", deployment, "p6", "", at.plusMinutes(9), "media", "animal", "Macaca mulatta", "2"),
                observationRow("c2", deployment, "p6", "", at.plusMinutes(9), "media", "animal", "Macaca mulatta", "1"),
                // line 11: neither eventID nor mediaID
                observationRow("d1", deployment, "", "", at.plusMinutes(10), "media", "animal", "Macaca mulatta", "1"),
                // line 12: not a level of Camtrap DP
                observationRow("e1", deployment, "p7", "seq-e", at.plusMinutes(11), "sequence", "animal", "Macaca mulatta", "1")));

        JsonPath report = upload(TestTokens.bearer(Roles.STATION, station), zip, "410821");
        assertEquals(3, report.getInt("created"), "macaques and leopard of seq-a, macaques of photo p6");
        assertEquals(3, report.getInt("rejected"), "the unknown species' record, the row without event or photo, the level");
        assertEquals(0, report.getInt("skipped"));
        assertEquals(5, report.getInt("combined"), "a1–a4 → 1 record, b1–b2 → 1, c1–c2 → 1: 11 rows = 3 + 3 + 5");
        assertEquals(List.of(7, 11, 12), report.getList("errors.row"));
        assertEquals("scientificName 'Felis catus' is not in the species catalog (this row stands for 2 media-level rows of"
                + " eventID 'seq-b')", report.getString("errors[0].message"));
        assertEquals("a media-level row needs its eventID or mediaID, to be counted once per event",
                report.getString("errors[1].message"));
        assertEquals("observationLevel 'sequence' is neither event nor media", report.getString("errors[2].message"));

        List<Map<String, Object>> stored = storedBy(station);
        assertEquals(List.of("Macaca mulatta", "Panthera pardus japonensis", "Macaca mulatta"),
                stored.stream().map(i -> ((Map<?, ?>) i.get("species")).get("scientificName")).toList());
        assertEquals(List.of(3, 1, 2), stored.stream().map(i -> i.get("count")).toList(),
                "the most animals one row of the event shows, not the sum over its photos");
        assertEquals(at, OffsetDateTime.parse((String) stored.get(0).get("observedAt")), "the event's first photo");

        JsonPath again = upload(TestTokens.bearer(Roles.STATION, station), zip, "410821");
        assertEquals(List.of(0, 3, 3, 5), List.of(again.getInt("created"), again.getInt("duplicates"), again.getInt("rejected"),
                again.getInt("combined")));
    }

    @Test
    void the_level_is_chosen_per_event_so_deployments_of_one_package_may_differ() throws IOException {
        String station = "station-" + UUID.randomUUID();
        String byEvent = TestStations.bound(stations, station);
        String byMedia = "CT-" + UUID.randomUUID();
        TestStations.bind(stations, byMedia, station);
        OffsetDateTime at = recently();
        byte[] zip = pack(List.of(deploymentRow(byEvent, lat(), lon()), deploymentRow(byMedia, lat(), lon())), List.of(
                observationRow("x1", byEvent, "", "ev-x", at, "event", "animal", "Macaca mulatta", "4"),
                observationRow("x2", byEvent, "q1", "ev-x", at, "media", "animal", "Macaca mulatta", "2"),
                // an event of the same id in another deployment is another event
                observationRow("y1", byMedia, "r1", "ev-x", at.plusMinutes(1), "media", "animal", "Macaca mulatta", "1"),
                observationRow("y2", byMedia, "r2", "ev-x", at.plusMinutes(2), "media", "animal", "Macaca mulatta", "2"),
                // event-level "unclassified" is no classification: the media rows count
                observationRow("z0", byMedia, "", "ev-z", at.plusMinutes(3), "event", "unclassified", "", ""),
                observationRow("z1", byMedia, "r3", "ev-z", at.plusMinutes(3), "media", "animal", "Macaca mulatta", "5")));

        JsonPath report = upload(TestTokens.bearer(Roles.STATION, station), zip, "410821");
        assertEquals(List.of(3, 0, 2, 1), List.of(report.getInt("created"), report.getInt("rejected"), report.getInt("skipped"),
                report.getInt("combined")));
        assertEquals(List.of(3, 6), report.getList("errors.row"));

        List<Map<String, Object>> stored = storedBy(station);
        assertEquals(List.of(byEvent, byMedia, byMedia), stored.stream().map(i -> i.get("stationId")).toList());
        assertEquals(List.of(4, 2, 5), stored.stream().map(i -> i.get("count")).toList());
    }

    @Test
    void a_deployment_outside_jiaozuo_is_reported_once_against_its_row() throws IOException {
        String station = "station-" + UUID.randomUUID();
        String inJiaozuo = TestStations.bound(stations, station);
        String inBelgium = "CT-" + UUID.randomUUID();
        TestStations.bind(stations, inBelgium, station);
        OffsetDateTime at = recently();
        byte[] zip = pack(List.of(deploymentRow(inJiaozuo, lat(), lon()), deploymentRow(inBelgium, 51.496, 4.774),
                deploymentRow("CT-swapped", 113.3, 35.3)), List.of(
                observationRow("o1", inJiaozuo, "", "e1", at, "event", "animal", "Macaca mulatta", "1"),
                observationRow("o2", inBelgium, "", "e2", at, "event", "animal", "Macaca mulatta", "1"),
                observationRow("o3", inBelgium, "", "e3", at, "event", "animal", "Macaca mulatta", "2"),
                observationRow("o4", "CT-swapped", "", "e4", at, "event", "animal", "Macaca mulatta", "1")));

        JsonPath report = upload(TestTokens.bearer(Roles.STATION, station), zip, "410821");
        assertEquals(1, report.getInt("created"));
        assertEquals(3, report.getInt("rejected"));
        assertEquals(List.of(inJiaozuo), report.getList("deployments.deploymentID"), "only usable deployments are listed");
        assertEquals(List.of("deployments.csv", "deployments.csv", "observations.csv", "observations.csv", "observations.csv"),
                report.getList("errors.file"));
        assertEquals(List.of(3, 4, 3, 4, 5), report.getList("errors.row"));
        assertEquals("deployment '" + inBelgium + "': latitude/longitude must lie in Jiaozuo or its surroundings"
                + " (lat 34.5–35.8, lon 112.2–114.0)", report.getString("errors[0].message"));
        assertEquals("deployment 'CT-swapped': latitude/longitude lies outside Jiaozuo; latitude and longitude look swapped",
                report.getString("errors[1].message"));
        assertEquals("deployment '" + inBelgium + "' is not usable: see deployments.csv row 3", report.getString("errors[2].message"));
        assertEquals("deployment '" + inBelgium + "' is not usable: see deployments.csv row 3", report.getString("errors[3].message"));
        assertEquals("deployment 'CT-swapped' is not usable: see deployments.csv row 4", report.getString("errors[4].message"));
        assertEquals(List.of("REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"), report.getList("errors.outcome"));
    }

    @Test
    void a_content_type_other_than_a_zip_is_a_415_naming_the_accepted_types() throws IOException {
        String station = "station-" + UUID.randomUUID();
        byte[] zip = pack(List.of(deploymentRow(TestStations.bound(stations, station), lat(), lon())), List.of());
        for (String type : List.of("application/json", "text/csv", "application/x-tar", "application/*")) {
            given().header("Authorization", TestTokens.bearer(Roles.STATION, station)).contentType(type).body(zip)
                    .when().post("/imports/camtrap-dp").then().statusCode(415).contentType("application/problem+json")
                    .body("status", equalTo(415))
                    .body("detail", equalTo("Send the zipped Camtrap DP package itself as application/zip (also accepted:"
                            + " application/x-zip-compressed, application/octet-stream)"))
                    .body("violations[0].field", equalTo("Content-Type"))
                    .body("violations[0].message", equalTo("must be one of application/zip, application/x-zip-compressed,"
                            + " application/octet-stream"));
        }
        given().header("Authorization", TestTokens.bearer(Roles.STATION, station)).body(zip).noContentType()
                .when().post("/imports/camtrap-dp").then().statusCode(415).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Content-Type"));
        for (String type : List.of("application/x-zip-compressed", "application/octet-stream", "Application/ZIP")) {
            given().header("Authorization", TestTokens.bearer(Roles.STATION, station)).contentType(type).body(zip)
                    .queryParam("countyCode", "410821")
                    .when().post("/imports/camtrap-dp").then().statusCode(200).body("created", equalTo(0));
        }
    }

    @Test
    void the_openapi_document_names_the_accepted_types_zip_first() {
        JsonPath api = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> content = api.getMap("paths.'/imports/camtrap-dp'.post.requestBody.content");
        assertEquals(List.of("application/zip", "application/x-zip-compressed", "application/octet-stream"),
                List.copyOf(content.keySet()));
        assertEquals("Content-Type missing or not one of application/zip, application/x-zip-compressed, application/octet-stream",
                api.getString("paths.'/imports/camtrap-dp'.post.responses.'415'.description"));
        assertEquals(List.of("countyCode"), api.getList("paths.'/imports/camtrap-dp'.post.parameters.name"),
                "the Content-Type header is not documented as a parameter");
    }

    @Test
    void only_stations_import() throws IOException {
        byte[] zip = samplePackage("CT-R", 35.3, 113.3, recently());
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType("application/zip").body(zip)
                .when().post("/imports/camtrap-dp").then().statusCode(403).contentType("application/problem+json");
    }
}
