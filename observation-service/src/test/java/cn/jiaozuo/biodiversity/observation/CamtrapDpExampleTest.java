package cn.jiaozuo.biodiversity.observation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.TestPlots.TestPlot;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Conformance with real published data: the Camtrap DP 1.0 example package of the standard's repository
 * (tdwg/camtrap-dp, example/ at tag 1.0), trimmed and moved into Jiaozuo as its README describes. It is
 * published data, so the project does not carry it: the test reads it from the folder named by the system
 * property {@code camtrapdp.example}, else from {@code shared/camtrap-dp-example} in the working directory or
 * one of its parents (the workplace's shared folder), and is skipped when neither exists.
 */
@QuarkusTest
class CamtrapDpExampleTest {

    static final String FOLDER = "camtrap-dp-example";
    static final String HERON_EVENT = "79204343";

    @Inject
    PlotIndex plots;

    @Inject
    StationBindings stations;

    static Path example() {
        String configured = System.getProperty("camtrapdp.example");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(FOLDER);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static byte[] zipOf(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("datapackage.json", "deployments.csv", "media.csv", "observations.csv")) {
                zip.putNextEntry(new ZipEntry("camtrap-dp-example/" + name));
                zip.write(Files.readAllBytes(dir.resolve(name)));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static JsonPath upload(String bearer, byte[] zip) {
        return given().header("Authorization", bearer).contentType("application/zip").body(zip)
                .when().post("/imports/camtrap-dp").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void the_standards_example_counts_every_animal_once_at_event_level() throws IOException {
        Path dir = example();
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve("observations.csv")),
                "the Camtrap DP example is not here (set -Dcamtrapdp.example=<folder> or put it in shared/" + FOLDER + ")");
        List<String> lines = Files.readAllLines(dir.resolve("observations.csv"), StandardCharsets.UTF_8);
        // Line numbers of the heron's media-level rows, read from the file as published.
        Set<Integer> heronMedia = IntStream.range(1, lines.size())
                .filter(i -> lines.get(i).contains("," + HERON_EVENT + ",") && lines.get(i).contains(",media,animal,,Ardea cinerea,"))
                .mapToObj(i -> i + 1).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(30, heronMedia.size(), "the example's heron has 30 media-level rows");
        assertEquals(203, lines.size(), "header and the 202 rows the README lists");

        String station = "station-" + UUID.randomUUID();
        for (String deployment : List.of("00a2c20d", "29b7d356", "577b543a", "62c200a9")) {
            TestStations.bind(stations, deployment, station);
        }
        try (TestPlot taihang = TestPlots.newPlot(plots, "410803", 35.3985, 113.1664);
                TestPlot marsh = TestPlots.newPlot(plots, "410821", 35.24175, 113.4754);
                TestPlot valley = TestPlots.newPlot(plots, "410882", 35.0, 112.9)) {
            byte[] zip = zipOf(dir);
            JsonPath first = upload(TestTokens.bearer(Roles.STATION, station), zip);

            // Of the 12 event-level rows: 1 heron stored, 9 animals of species the catalog lacks, 2 not animals.
            // The 190 media-level rows all belong to events classified at event level: skipped, none combined.
            assertEquals(List.of(1, 0, 9, 192, 0), List.of(first.getInt("created"), first.getInt("duplicates"),
                    first.getInt("rejected"), first.getInt("skipped"), first.getInt("combined")));
            assertEquals(List.of("00a2c20d", "29b7d356", "577b543a", "62c200a9"), first.getList("deployments.deploymentID"));
            assertEquals(List.of(taihang.code(), marsh.code(), marsh.code(), valley.code()), first.getList("deployments.plotCode"));
            assertEquals(List.of("410803", "410821", "410821", "410882"), first.getList("deployments.countyCode"));

            List<Map<String, Object>> errors = first.getList("errors");
            assertEquals(201, errors.size(), "every row but the heron's event-level row");
            Map<Integer, Map<String, Object>> byRow = errors.stream().collect(Collectors.toMap(e -> (Integer) e.get("row"), e -> e));
            for (int row : heronMedia) {
                assertEquals("SKIPPED", byRow.get(row).get("outcome"));
                assertEquals("media-level row of an event classified at event level (eventID '" + HERON_EVENT + "'): the"
                        + " event-level rows count its animals; skipped", byRow.get(row).get("message"));
            }
            assertEquals(Set.of("Anas platyrhynchos", "Anas strepera", "Ardea", "Aves", "Mustela putorius", "Vulpes vulpes"),
                    errors.stream().filter(e -> "REJECTED".equals(e.get("outcome"))).map(e -> (String) e.get("message"))
                            .peek(m -> assertTrue(m.endsWith("' is not in the species catalog"), m))
                            .map(m -> m.substring("scientificName '".length(), m.indexOf("' is not")))
                            .collect(Collectors.toSet()));

            List<Map<String, Object>> stored = given().header("Authorization", TestTokens.bearer(Roles.REVIEWER))
                    .queryParam("observer", station).when().get("/observations").then().statusCode(200).extract()
                    .jsonPath().getList("items");
            assertEquals(1, stored.size(), "the heron once, not 31 times");
            Map<String, Object> heron = stored.get(0);
            assertEquals("Ardea cinerea", ((Map<?, ?>) heron.get("species")).get("scientificName"));
            assertEquals(1, heron.get("count"), "its event-level count");
            assertEquals(OffsetDateTime.parse("2020-06-12T04:04:29Z").toInstant(),
                    OffsetDateTime.parse((String) heron.get("observedAt")).toInstant(), "its eventStart");
            assertEquals("00a2c20d", heron.get("stationId"));
            assertEquals(taihang.code(), heron.get("plotCode"));
            assertEquals("410803", heron.get("countyCode"));
            assertEquals("CAMERA_TRAP", heron.get("method"));

            JsonPath second = upload(TestTokens.bearer(Roles.STATION, station), zip);
            assertEquals(List.of(0, 1, 9, 192, 0), List.of(second.getInt("created"), second.getInt("duplicates"),
                    second.getInt("rejected"), second.getInt("skipped"), second.getInt("combined")), "nothing new");
            assertEquals(errors, second.getList("errors"));
        }
    }
}
