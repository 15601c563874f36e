package cn.jiaozuo.biodiversity.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
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
        assertEquals(List.of(3, 4, 6), first.getList("errors.row"));
        assertEquals(List.of("observations.csv", "observations.csv", "observations.csv"), first.getList("errors.file"));
        assertEquals(List.of("SKIPPED", "REJECTED", "REJECTED"), first.getList("errors.outcome"));
        assertEquals("scientificName 'Felis catus' is not in the species catalog", first.getString("errors[1].message"));
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
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(1, kafka.awaitExactly(Topics.OBSERVATIONS, r -> r.value().contains(macaque), 1,
                    Duration.ofSeconds(30), Duration.ofSeconds(2)).size());
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
    void without_a_plot_or_county_every_animal_row_is_rejected_with_the_reason() throws IOException {
        String station = "station-" + UUID.randomUUID();
        JsonPath report = upload(TestTokens.bearer(Roles.STATION, station),
                samplePackage(TestStations.bound(stations, station), 35.41, 113.41, recently()), null);
        assertEquals(0, report.getInt("created"));
        assertEquals(4, report.getInt("rejected"));
        assertEquals("no sampling plot contains the deployment; give the countyCode query parameter",
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
    void only_stations_import() throws IOException {
        byte[] zip = samplePackage("CT-R", 35.3, 113.3, recently());
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType("application/zip").body(zip)
                .when().post("/imports/camtrap-dp").then().statusCode(403).contentType("application/problem+json");
    }
}
