package cn.jiaozuo.biodiversity.e2e;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.PLOTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A camera-trap team registers its camera in a new plot, bound to the identity its uploader signs in with,
 * and uploads the season's Camtrap DP package:
 * the animal rows become observations in the plot, the empty frame and the unknown animal are
 * reported by row, a second upload stores nothing twice, and the plot service sees the station alive.
 * The leopard (a sensitive species) is shown to the public without plot or camera, and a plot filter
 * does not reveal it to them; reviewers see everything.
 */
class CamtrapDpJourneyIT {

    private static final String XIUWU = "410821";

    @Test
    void a_station_uploads_a_camtrap_dp_package_into_its_plot() throws IOException {
        double lat = 35.30 + ThreadLocalRandom.current().nextInt(0, 150) * 0.001;
        double lon = 113.50 + ThreadLocalRandom.current().nextInt(0, 150) * 0.001;
        String plot = Plots.createSquare(XIUWU, lat, lon, "云台山 camera plot " + lat + "," + lon, List.of("CAMERA_TRAP_GRID"));
        String camera = "CT-E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String uploader = "station-" + camera.toLowerCase(Locale.ROOT); // the token subject the camera uploads with
        double camLat = lat + 0.002;
        double camLon = lon + 0.002;
        as("admin", PLOTS).body(Map.of("id", camera, "type", "CAMERA_TRAP", "plotCode", plot,
                        "location", Map.of("lat", camLat, "lon", camLon), "installedOn", LocalDate.now().minusDays(30).toString(),
                        "subject", uploader))
                .post("/stations").then().statusCode(201);

        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        byte[] pack = cameraPackage(camera, camLat, camLon, at);

        // Until observation-service has learnt the plot, the county outline around the camera would supply the county
        // and the records would be stored without their plot: first wait for the plot, with a ranger's sighting at the
        // camera (method SIGHTING, left out of the lists below by method=CAMERA_TRAP).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> plot.equals(as("ranger", OBSERVATIONS).body(Sightings.sightingAt(Sightings.ARDEA_CINEREA, XIUWU,
                        camLat, camLon)).post("/observations").then().statusCode(201).extract().path("plotCode")));
        // No countyCode: the plot supplies it, once observation-service has also learnt the camera's binding from
        // Kafka (until then the rows are rejected, not stored, and the upload is simply repeated).
        JsonPath first = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> upload(pack, uploader), answer -> answer.getInt("created") == 2);
        assertEquals(List.of(0, 1, 1), List.of(first.getInt("duplicates"), first.getInt("rejected"), first.getInt("skipped")));
        assertEquals(List.of(3, 4), first.getList("errors.row"));

        JsonPath again = upload(pack, uploader);
        assertEquals(List.of(0, 2, 1, 1), List.of(again.getInt("created"), again.getInt("duplicates"),
                again.getInt("rejected"), again.getInt("skipped")), "a second upload stores nothing new");

        // Reviewers see both records with plot and camera.
        JsonPath stored = as("reviewer", OBSERVATIONS).queryParam("plotCode", plot).queryParam("method", "CAMERA_TRAP")
                .get("/observations").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, stored.getList("items").size());
        assertEquals(List.of(camera, camera), stored.getList("items.stationId"));
        assertEquals(List.of(plot, plot), stored.getList("items.plotCode"));
        assertEquals(List.of(XIUWU, XIUWU), stored.getList("items.countyCode"));
        String leopard = stored.getString("items.find { it.species.scientificName == 'Panthera pardus japonensis' }.uuid");
        assertNotNull(leopard);
        // The public knows the leopard only by its public id (a keyed pseudonym of the uuid).
        String leopardPublic = stored.getString("items.find { it.species.scientificName == 'Panthera pardus japonensis' }.publicId");
        assertNotEquals(leopard, leopardPublic);

        // The public sees only the macaque in the plot: the leopard's presence there is not revealed ...
        JsonPath open = as(null, OBSERVATIONS).queryParam("plotCode", plot).queryParam("method", "CAMERA_TRAP")
                .get("/observations").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("Macaca mulatta"), open.getList("items.species.scientificName"));
        assertEquals(List.of(camera), open.getList("items.stationId"));
        // ... and the leopard itself comes generalized, without the plot or the camera that would locate it.
        // Shown to the public from its release (the e2e stack releases every 5 s; production at midnight).
        JsonPath leopardOpen = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(null, OBSERVATIONS).get("/observations/" + leopardPublic), r -> r.statusCode() == 200)
                .jsonPath();
        assertEquals(true, leopardOpen.getBoolean("coordinatesObscured"));
        assertNull(leopardOpen.get("plotCode"));
        assertNull(leopardOpen.get("stationId"));
        assertNull(leopardOpen.get("notes"));
        as(null, OBSERVATIONS).get("/observations/" + leopard).then().statusCode(404);

        // The plot service hears of the upload through the observations topic.
        String lastSeen = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                () -> as("admin", PLOTS).get("/stations/" + camera).then().statusCode(200).extract().path("lastSeenAt"),
                seen -> seen != null);
        assertNotEquals("", lastSeen);
    }

    private static JsonPath upload(byte[] pack, String subject) {
        return RestAssured.given().baseUri(OBSERVATIONS).header("Authorization", "Bearer " + E2eStack.token("station", subject))
                .contentType("application/zip").body(pack).post("/imports/camtrap-dp").then().statusCode(200)
                .extract().jsonPath();
    }

    /** One deployment and four rows: a macaque troop, a leopard, an empty frame, an animal the catalog lacks. */
    private static byte[] cameraPackage(String deployment, double lat, double lon, OffsetDateTime at) throws IOException {
        String deployments = "deploymentID,locationID,latitude,longitude,deploymentStart,deploymentEnd\n"
                + String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%s,%s\n", deployment, deployment, lat, lon, at.minusDays(20),
                        at.plusHours(1));
        String media = "mediaID,deploymentID,captureMethod,timestamp,filePath,filePublic,fileMediatype\n"
                + "m1," + deployment + ",activityDetection," + at + ",images/0001.jpg,false,image/jpeg\n";
        String observations = "observationID,deploymentID,mediaID,eventStart,eventEnd,observationLevel,observationType,"
                + "scientificName,count,lifeStage,sex,behavior,classificationMethod\n"
                + "o1," + deployment + ",m1," + at + "," + at.plusSeconds(30) + ",event,animal,Macaca mulatta,4,adult,,foraging,human\n"
                + "o2," + deployment + ",m1," + at.plusMinutes(5) + "," + at.plusMinutes(6) + ",event,blank,,,,,,machine\n"
                + "o3," + deployment + ",m1," + at.plusMinutes(9) + "," + at.plusMinutes(9) + ",event,animal,Felis catus,1,,,,human\n"
                + "o4," + deployment + ",m1," + at.plusMinutes(20) + "," + at.plusMinutes(21)
                + ",event,animal,Panthera pardus japonensis,1,adult,male,walking,human\n";
        String descriptor = """
                {"profile": "https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0/camtrap-dp-profile.json",
                 "name": "e2e-%s", "created": "%s",
                 "resources": [
                   {"name": "deployments", "path": "deployments.csv", "profile": "tabular-data-resource"},
                   {"name": "media", "path": "media.csv", "profile": "tabular-data-resource"},
                   {"name": "observations", "path": "observations.csv", "profile": "tabular-data-resource"}]}
                """.formatted(deployment.toLowerCase(Locale.ROOT), at);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : Map.of("datapackage.json", descriptor, "deployments.csv", deployments,
                    "media.csv", media, "observations.csv", observations).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
