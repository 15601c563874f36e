package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.LEOPARD;
import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.api.DarwinCoreArchiveWriter;
import cn.jiaozuo.biodiversity.observation.TestPlots.TestPlot;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * GET /exports/dwca gives a Darwin Core Archive that a reader following the DwC text guidelines
 * understands: meta.xml maps columns to term URIs, occurrence.txt holds every required term, eml.xml
 * describes the dataset, sensitive points are generalized and say so, rejected records are absent.
 * (GBIF's dwca-io is not on Maven Central, so the reader here resolves columns through meta.xml the way it does.)
 */
@QuarkusTest
class DarwinCoreArchiveExportTest {

    @Inject
    PlotIndex plots;

    @Inject
    StationBindings stations;

    static final String DWC = "http://rs.tdwg.org/dwc/terms/";
    static final List<String> REQUIRED = List.of("occurrenceID", "basisOfRecord", "eventDate", "scientificName",
            "vernacularName", "kingdom", "taxonRank", "decimalLatitude", "decimalLongitude", "geodeticDatum",
            "coordinateUncertaintyInMeters", "individualCount", "occurrenceStatus", "countryCode", "stateProvince", "county",
            "locationID", "samplingProtocol", "recordedBy", "identificationVerificationStatus", "dataGeneralizations",
            "informationWithheld");

    /** A day of its own, years back, so the archive holds exactly this test's records. */
    private static OffsetDateTime freshDay() {
        return OffsetDateTime.of(1990 + ThreadLocalRandom.current().nextInt(30), 1 + ThreadLocalRandom.current().nextInt(12),
                1 + ThreadLocalRandom.current().nextInt(28), 0, 0, 0, 0, ZoneOffset.ofHours(8))
                .plusMinutes(ThreadLocalRandom.current().nextInt(24 * 60 - 10));
    }

    private static String post(String bearer, Map<String, Object> body) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(201).extract().path("uuid");
    }

    /** The id the public (and so the archive) knows a record by, as its observer is shown it. */
    private static String publicId(String bearer, String uuid) {
        return given().header("Authorization", bearer).when().get("/observations/" + uuid).then().statusCode(200)
                .extract().path("publicId");
    }

    /**
     * The whole day of {@code at} in China: a sensitive species' record is filtered by its day (Asia/Shanghai, which
     * kept summer time in 1986–1991, so not always +08:00).
     */
    private static Map<String, String> dayOf(OffsetDateTime at) {
        java.time.ZonedDateTime start = chinaDay(at).atStartOfDay(CHINA);
        return Map.of("from", start.toOffsetDateTime().toString(), "to", start.plusDays(1).toOffsetDateTime().toString());
    }

    private static java.time.LocalDate chinaDay(OffsetDateTime at) {
        return at.atZoneSameInstant(CHINA).toLocalDate();
    }

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    /** An archive as a DwC-A reader sees it: the core rows as maps from term URI to value, and eml.xml. */
    record Archive(String rowType, List<Map<String, String>> rows, Document eml) {
    }

    static Archive read(byte[] zip) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        Document meta = xml(files.get("meta.xml"));
        Element core = (Element) meta.getElementsByTagNameNS("http://rs.tdwg.org/dwc/text/", "core").item(0);
        assertEquals("UTF-8", core.getAttribute("encoding"));
        assertEquals("\\t", core.getAttribute("fieldsTerminatedBy"));
        int skip = Integer.parseInt(core.getAttribute("ignoreHeaderLines"));
        String location = core.getElementsByTagNameNS("http://rs.tdwg.org/dwc/text/", "location").item(0).getTextContent();
        Map<Integer, String> terms = new HashMap<>();
        NodeList fields = core.getElementsByTagNameNS("http://rs.tdwg.org/dwc/text/", "field");
        for (int i = 0; i < fields.getLength(); i++) {
            Element field = (Element) fields.item(i);
            terms.put(Integer.parseInt(field.getAttribute("index")), field.getAttribute("term"));
        }
        String[] lines = new String(files.get(location), StandardCharsets.UTF_8).split("\n");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int l = skip; l < lines.length; l++) {
            String[] values = lines[l].split("\t", -1);
            assertEquals(terms.size(), values.length, "every row has a value (maybe empty) for every field");
            Map<String, String> row = new HashMap<>();
            terms.forEach((index, term) -> row.put(term, values[index]));
            rows.add(row);
        }
        return new Archive(core.getAttribute("rowType"), rows, xml(files.get(meta.getDocumentElement().getAttribute("metadata"))));
    }

    private static Document xml(byte[] bytes) throws Exception {
        assertNotNull(bytes, "file is in the archive");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void the_archive_holds_every_required_term_generalizes_sensitive_points_and_leaves_out_rejected_records() throws Exception {
        OffsetDateTime day = freshDay();
        String ranger = "ranger-" + UUID.randomUUID();
        String leopard = publicId(TestTokens.bearer(Roles.RANGER, ranger), post(TestTokens.bearer(Roles.RANGER, ranger),
                with(with(sighting(LEOPARD), "location", location(35.3321, 113.3604)), "observedAt", day.toString())));
        String station = "station-" + UUID.randomUUID();
        String macaque = post(TestTokens.bearer(Roles.STATION, station),
                with(with(with(sighting(MACAQUE), "location", location(35.2711, 113.2802)), "observedAt",
                        day.plusMinutes(5).toString()), "method", "CAMERA_TRAP"));
        String rejected = post(TestTokens.bearer(Roles.RANGER, ranger), with(sighting(MACAQUE), "observedAt", day.plusMinutes(6).toString()));
        given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).contentType(ContentType.JSON)
                .body(Map.of("status", "REJECTED", "comment", "a dog")).when().patch("/observations/" + rejected + "/review")
                .then().statusCode(200);

        byte[] zip = given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParams(dayOf(day))
                .when().get("/exports/dwca").then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Archive archive = read(zip);

        assertEquals(DWC + "Occurrence", archive.rowType());
        assertEquals(2, archive.rows().size(), "the rejected record is not published");
        Map<String, Map<String, String>> byId = new HashMap<>();
        archive.rows().forEach(r -> byId.put(r.get(DWC + "occurrenceID"), r));
        for (String term : REQUIRED) {
            assertTrue(archive.rows().get(0).containsKey(DWC + term), term + " is a field of the core");
        }

        Map<String, String> cat = byId.get("urn:uuid:" + leopard);
        assertEquals("Occurrence", cat.get(DWC + "basisOfRecord"), "how it was recorded is withheld");
        assertEquals(chinaDay(day).toString(), cat.get(DWC + "eventDate"), "the day, not the time");
        assertEquals("Panthera pardus japonensis", cat.get(DWC + "scientificName"));
        assertEquals("华北豹", cat.get(DWC + "vernacularName"));
        assertEquals("Animalia", cat.get(DWC + "kingdom"));
        assertEquals("subspecies", cat.get(DWC + "taxonRank"));
        assertEquals("35.35", cat.get(DWC + "decimalLatitude"), "the 0.1° cell centre, not the point");
        assertEquals("113.35", cat.get(DWC + "decimalLongitude"));
        assertEquals("EPSG:4326", cat.get(DWC + "geodeticDatum"));
        assertTrue(Double.parseDouble(cat.get(DWC + "coordinateUncertaintyInMeters")) >= 7000);
        assertEquals("2", cat.get(DWC + "individualCount"));
        assertEquals("present", cat.get(DWC + "occurrenceStatus"));
        assertEquals("CN", cat.get(DWC + "countryCode"));
        assertEquals("河南省", cat.get(DWC + "stateProvince"));
        assertEquals("修武县", cat.get(DWC + "county"));
        assertEquals("", cat.get(DWC + "samplingProtocol"));
        assertEquals("", cat.get(DWC + "recordedBy"), "a pseudonym would still tie it to the observer's exact records");
        assertEquals("unverified", cat.get(DWC + "identificationVerificationStatus"));
        assertFalse(cat.get(DWC + "dataGeneralizations").isBlank());
        assertFalse(cat.get(DWC + "informationWithheld").isBlank());
        assertFalse(new String(zip, StandardCharsets.ISO_8859_1).contains("35.3321"), "the exact point is nowhere");

        Map<String, String> monkey = byId.get("urn:uuid:" + macaque);
        assertEquals("MachineObservation", monkey.get(DWC + "basisOfRecord"), "stations' records are machine observations");
        assertEquals(day.plusMinutes(5).toString(), monkey.get(DWC + "eventDate"));
        assertTrue(monkey.get(DWC + "recordedBy").startsWith("observer-"));
        assertFalse(monkey.get(DWC + "recordedBy").contains(station), "recordedBy is a pseudonym");
        assertEquals("35.2711", monkey.get(DWC + "decimalLatitude"), "not sensitive: exact");
        assertEquals("113.2802", monkey.get(DWC + "decimalLongitude"));
        assertEquals("camera trap", monkey.get(DWC + "samplingProtocol"));
        assertEquals("species", monkey.get(DWC + "taxonRank"));
        assertEquals("", monkey.get(DWC + "dataGeneralizations"));
        assertEquals("", monkey.get(DWC + "informationWithheld"));

        Document eml = archive.eml();
        assertFalse(text(eml, "title").isBlank());
        assertFalse(text(eml, "publisher").isBlank());
        assertFalse(text(eml, "contact").isBlank());
        assertTrue(text(eml, "intellectualRights").contains("CC-BY"));
        assertEquals(List.of(JiaozuoArea.MIN_LAT, JiaozuoArea.MAX_LAT, JiaozuoArea.MIN_LON, JiaozuoArea.MAX_LON), box(eml),
                "unfiltered: the whole city's box");
        assertEquals(chinaDay(day).toString(), text(eml, "beginDate"));
    }

    @Test
    void a_county_filtered_archive_declares_that_countys_box_and_every_point_lies_in_it() throws Exception {
        OffsetDateTime day = freshDay();
        String bearer = TestTokens.bearer(Roles.RANGER, "ranger-" + UUID.randomUUID());
        String jiefang = JiaozuoCounty.JIEFANG.code();
        // Near 解放区's western edge (113.16): the leopard's published cell centre, 113.15, lies just west of the county.
        String leopard = publicId(bearer, post(bearer, with(with(with(sighting(LEOPARD), "location", location(35.1612, 113.1703)),
                "countyCode", jiefang), "observedAt", day.toString())));
        String macaque = post(bearer, with(with(with(sighting(MACAQUE), "location", location(35.2431, 113.2304)),
                "countyCode", jiefang), "observedAt", day.plusMinutes(1).toString()));
        post(bearer, with(sighting(MACAQUE), "observedAt", day.plusMinutes(2).toString())); // 修武县: not in the archive

        Map<String, String> filter = new HashMap<>(dayOf(day));
        filter.put("countyCode", jiefang);
        Archive archive = read(given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParams(filter)
                .when().get("/exports/dwca").then().statusCode(200).extract().asByteArray());

        assertEquals(java.util.Set.of("urn:uuid:" + leopard, "urn:uuid:" + macaque),
                archive.rows().stream().map(r -> r.get(DWC + "occurrenceID")).collect(java.util.stream.Collectors.toSet()));
        assertTrue(text(archive.eml(), "geographicDescription").contains("解放区"));
        List<Double> box = box(archive.eml());
        // 解放区's extent (35.15–35.32 N, 113.16–113.27 E) widened to whole 0.1° cells.
        assertEquals(List.of(35.1, 35.4, 113.1, 113.3), box, "south, north, west, east");
        JiaozuoCounty.Extent county = JiaozuoCounty.JIEFANG.extent();
        assertTrue(box.get(0) <= county.south() && box.get(1) >= county.north() && box.get(2) <= county.west()
                && box.get(3) >= county.east(), "covers the county");
        assertTrue(box.get(0) >= JiaozuoArea.MIN_LAT && box.get(1) <= JiaozuoArea.MAX_LAT && box.get(2) >= JiaozuoArea.MIN_LON
                && box.get(3) <= JiaozuoArea.MAX_LON, "inside the city's box");
        for (Map<String, String> row : archive.rows()) {
            double lat = Double.parseDouble(row.get(DWC + "decimalLatitude"));
            double lon = Double.parseDouble(row.get(DWC + "decimalLongitude"));
            assertTrue(lat >= box.get(0) && lat <= box.get(1) && lon >= box.get(2) && lon <= box.get(3), lat + "," + lon);
        }
        assertFalse(county.contains(35.15, 113.15), "the generalized leopard is why the box is widened to whole cells");
    }

    @Test
    void every_countys_published_box_covers_its_extent_inside_the_citys_box() {
        for (JiaozuoCounty c : JiaozuoCounty.values()) {
            JiaozuoCounty.Extent e = c.extent();
            JiaozuoCounty.Extent box = DarwinCoreArchiveWriter.coverage(c.code());
            assertTrue(e.south() < e.north() && e.west() < e.east(), c.name());
            assertTrue(box.south() <= e.south() && box.north() > e.north() && box.west() <= e.west() && box.east() > e.east(),
                    c.name() + ": a point on the extent's north or east edge is generalized into the cell beyond it");
            assertTrue(JiaozuoArea.contains(box.south(), box.west()) && JiaozuoArea.contains(box.north(), box.east()), c.name());
        }
    }

    @Test
    void sensitive_records_are_published_without_plot_and_station() throws Exception {
        OffsetDateTime day = freshDay();
        String subject = "station-" + UUID.randomUUID();
        String station = TestStations.bound(stations, subject);
        String bearer = TestTokens.bearer(Roles.STATION, subject);
        try (TestPlot plot = TestPlots.newPlot(plots)) {
            String leopard = publicId(bearer, post(bearer, with(with(with(plot.sighting(LEOPARD), "stationId", station),
                    "method", "CAMERA_TRAP"), "observedAt", day.toString())));
            String macaque = post(bearer, with(with(with(plot.sighting(MACAQUE), "stationId", station), "method", "CAMERA_TRAP"),
                    "observedAt", day.plusMinutes(1).toString()));

            byte[] zip = given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).queryParams(dayOf(day))
                    .when().get("/exports/dwca").then().statusCode(200).extract().asByteArray();
            Map<String, Map<String, String>> byId = new HashMap<>();
            read(zip).rows().forEach(r -> byId.put(r.get(DWC + "occurrenceID"), r));
            assertEquals(2, byId.size());

            Map<String, String> cat = byId.get("urn:uuid:" + leopard);
            assertEquals("", cat.get(DWC + "locationID"), "the plot would locate the leopard");
            assertEquals("", cat.get(DWC + "eventID"), "so would the camera");
            assertTrue(cat.get(DWC + "informationWithheld").contains("locationID"), cat.get(DWC + "informationWithheld"));
            assertTrue(cat.get(DWC + "informationWithheld").contains("station"), cat.get(DWC + "informationWithheld"));

            Map<String, String> monkey = byId.get("urn:uuid:" + macaque);
            assertEquals(plot.code(), monkey.get(DWC + "locationID"), "not sensitive: published with its plot");
            assertEquals(station, monkey.get(DWC + "eventID"));
            assertEquals("", monkey.get(DWC + "informationWithheld"));
        }
    }

    /** eml.xml's bounding box: south, north, west, east. */
    private static List<Double> box(Document eml) {
        return List.of(Double.parseDouble(text(eml, "southBoundingCoordinate")), Double.parseDouble(text(eml, "northBoundingCoordinate")),
                Double.parseDouble(text(eml, "westBoundingCoordinate")), Double.parseDouble(text(eml, "eastBoundingCoordinate")));
    }

    private static String text(Document doc, String element) {
        NodeList nodes = doc.getElementsByTagName(element);
        assertTrue(nodes.getLength() > 0, element + " is in eml.xml");
        return nodes.item(0).getTextContent().trim();
    }

    @Test
    void only_the_bureaus_and_admins_export() {
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).when().get("/exports/dwca").then().statusCode(403);
        given().when().get("/exports/dwca").then().statusCode(401);
    }

    @Test
    void a_bad_filter_is_a_400_on_its_field() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).queryParam("from", "yesterday")
                .when().get("/exports/dwca").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("from"));
    }
}
