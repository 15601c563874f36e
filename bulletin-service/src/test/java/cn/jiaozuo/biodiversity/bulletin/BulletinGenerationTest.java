package cn.jiaozuo.biodiversity.bulletin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * POST /bulletins and the archive (docs/bulletins.md): events published to the topics as the other services publish
 * them, the figures counted by hand against them.
 */
@QuarkusTest
class BulletinGenerationTest {

    private static final String XIUWU = "410821";
    private static final String WEN = "410825";

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    /**
     * In 修武县 this month: a 黑鹳 (first record in the county, sensitive, NATIONAL_I), three 美国白蛾 records (invasive,
     * first in the county too), a 白鹭 (recorded last month already), a rejected record, an INVASIVE_SPECIES HIGH alert,
     * a 12.5 km patrol of 4 h with a snare. Last month: the 白鹭 and a 6 km patrol. In 温县: a 黑鹳 (outside the scope).
     */
    private record Fixture(LocalDate month, String stork, String webworm) {
    }

    private Fixture publish() {
        LocalDate month = TestEvents.month();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        SpeciesSnapshot stork = TestEvents.species(TestEvents.speciesId(), "Ciconia nigra " + marker, "黑鹳" + marker, "NATIONAL_I", false, true);
        SpeciesSnapshot webworm = TestEvents.species(TestEvents.speciesId(), "Hyphantria cunea " + marker, "美国白蛾" + marker, "NONE", true, false);
        SpeciesSnapshot egret = TestEvents.species(TestEvents.speciesId(), "Egretta garzetta " + marker, "白鹭" + marker, "PROVINCIAL", false, false);
        SpeciesSnapshot rejected = TestEvents.species(TestEvents.speciesId(), "Rejected species " + marker, "误报" + marker, "NONE", false, false);
        try (TestEvents events = new TestEvents(json, em)) {
            events.observation(stork, XIUWU, month.plusDays(11), 2, "VERIFIED");
            events.observation(webworm, XIUWU, month.plusDays(2), 40, "UNVERIFIED");
            events.observation(webworm, XIUWU, month.plusDays(9), 30, "UNVERIFIED");
            events.observation(webworm, XIUWU, month.plusDays(20), 25, "VERIFIED");
            events.observation(egret, XIUWU, month.minusDays(5), 6, "VERIFIED");
            events.observation(egret, XIUWU, month.plusDays(4), 8, "VERIFIED");
            events.observation(rejected, XIUWU, month.plusDays(4), 1, "REJECTED");
            events.observation(stork, WEN, month.plusDays(3), 1, "VERIFIED");
            events.alert("INVASIVE_SPECIES", "HIGH", XIUWU, month.plusDays(9));
            events.patrol(XIUWU, month.plusDays(14), 12.5, 4.0);
            events.patrol(XIUWU, month.minusDays(10), 6.0, 2.0);
            events.awaitApplied();
        }
        return new Fixture(month, stork.chineseName(), webworm.chineseName());
    }

    private static Map<String, String> request(LocalDate month, String scope, String edition) {
        return edition == null ? Map.of("from", month.toString(), "to", month.plusMonths(1).minusDays(1).toString(), "scope", scope)
                : Map.of("from", month.toString(), "scope", scope, "edition", edition);
    }

    @Test
    void a_bulletin_counts_its_figures_against_the_previous_month_and_writes_highlights_from_them() {
        Fixture f = publish();
        JsonPath bulletin = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, null))
                .when().post("/bulletins").then().statusCode(201)
                .header("Location", containsString("/bulletins/"))
                .body("scope", equalTo(XIUWU)).body("edition", equalTo("INTERNAL")).body("generatedBy", equalTo("bureau-test"))
                .extract().jsonPath();
        assertEquals(f.month().toString(), bulletin.getString("figures.from"));
        assertEquals(f.month().minusMonths(1).toString(), bulletin.getString("figures.previousFrom"));
        assertEquals(Map.of("current", 5, "previous", 1, "change", 4), bulletin.getMap("figures.records"), "stork, 3 webworm, egret; not the rejected one");
        assertEquals(3, bulletin.getInt("figures.speciesRichness.current"));
        assertEquals(2, bulletin.getInt("figures.newCountyRecords.current"), "the stork and the webworm; the egret was recorded last month");
        assertEquals(1, bulletin.getInt("figures.newCountyRecords.previous"), "last month the egret was new");
        assertEquals(3, bulletin.getInt("figures.invasiveDetections.current"));
        assertEquals(1, bulletin.getInt("figures.protectedSpecies.find { it.protectionClass == 'NATIONAL_I' }.species.current"));
        assertEquals(1, bulletin.getInt("figures.alertsByType.find { it.rule == 'INVASIVE_SPECIES' && it.severity == 'HIGH' }.current"));
        assertEquals(12.5, bulletin.getDouble("figures.patrolKm.current"));
        assertEquals(6.0, bulletin.getDouble("figures.patrolKm.previous"));
        assertEquals(4.0, bulletin.getDouble("figures.patrolHours.current"));
        assertEquals(Map.of("current", 1, "previous", 1, "change", 0), bulletin.getMap("figures.incidents"));
        List<String> highlights = bulletin.getList("figures.highlights");
        assertTrue(highlights.contains("本月首次在修武县记录到" + f.stork()), highlights.toString());
        assertTrue(highlights.contains(f.webworm() + "本月检出 3 次"), highlights.toString());
        assertEquals(2, bulletin.getInt("figures.species.find { it.chineseName == '" + f.stork() + "' }.individuals"),
                "the stork in 温县 is outside the scope");

        String id = bulletin.getString("id");
        String html = given().header("Authorization", TestTokens.bearer("reviewer")).when().get("/bulletins/" + id + ".html")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-records\""), "records per week");
        assertTrue(html.contains("id=\"chart-invasive\""), "invasive detections per week");
        assertTrue(html.contains("本月首次在修武县记录到" + f.stork()));
        assertTrue(html.contains("修武县 · " + f.month().getYear() + "年" + f.month().getMonthValue() + "月"));

        given().header("Authorization", TestTokens.bearer("admin")).when().get("/bulletins/" + id).then().statusCode(200)
                .body("contentHash", equalTo(bulletin.getString("contentHash"))).body("figures.records.current", equalTo(5));
        given().header("Authorization", TestTokens.bearer("bureau"))
                .queryParam("scope", XIUWU).queryParam("from", f.month().toString()).queryParam("to", f.month().plusMonths(1).minusDays(1).toString())
                .when().get("/bulletins").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.figures", hasItem(nullValue()));
    }

    @Test
    void the_same_request_answers_the_archived_bulletin_unchanged() {
        Fixture f = publish();
        JsonPath first = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, null)).when().post("/bulletins").then().statusCode(201).extract().jsonPath();
        try (TestEvents events = new TestEvents(json, em)) {
            events.alert("ENFORCEMENT", "CRITICAL", XIUWU, f.month().plusDays(1));
            events.awaitApplied();
        }
        given().header("Authorization", TestTokens.bearer("admin", "admin-other")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, null)).when().post("/bulletins").then().statusCode(200)
                .body("id", equalTo(first.getString("id"))).body("contentHash", equalTo(first.getString("contentHash")))
                .body("generatedBy", equalTo("bureau-test")).body("figures.alerts.current", equalTo(1));
    }

    @Test
    void the_pdf_has_the_chinese_headings_and_species_names_and_the_version() throws Exception {
        Fixture f = publish();
        String id = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, null)).when().post("/bulletins").then().statusCode(201)
                .body("version", equalTo(1)).extract().path("id");
        byte[] pdf = given().header("Authorization", TestTokens.bearer("reviewer")).when().get("/bulletins/" + id + ".pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "");
            for (String expected : List.of("一、要点", "二、主要指标", "五、物种名录", f.stork(), f.webworm(),
                    "本月首次在修武县记录到" + f.stork(), "第 1 版")) {
                assertTrue(text.contains(expected), expected + " in the PDF:\n" + text);
            }
        }
        byte[] again = given().header("Authorization", TestTokens.bearer("bureau")).when().get("/bulletins/" + id + ".pdf")
                .then().statusCode(200).extract().asByteArray();
        assertTrue(java.util.Arrays.equals(pdf, again), "the PDF is served as archived");
        given().header("Authorization", TestTokens.bearer("ranger")).when().get("/bulletins/" + id + ".pdf").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("bureau")).when().get("/bulletins/" + UUID.randomUUID() + ".pdf")
                .then().statusCode(404);
    }

    @Test
    void a_bulletin_archived_before_pdfs_existed_gets_its_pdf_rendered_from_its_stored_page() throws Exception {
        Fixture f = publish();
        String id = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, null)).when().post("/bulletins").then().statusCode(201).extract().path("id");
        // As V2 found the rows of V1: no PDF, the meta element left open.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update bulletin set pdf = null, html = replace(html, '<meta charset=\"utf-8\"/>', '<meta charset=\"utf-8\">')"
                                + " where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        byte[] pdf = given().header("Authorization", TestTokens.bearer("bureau")).when().get("/bulletins/" + id + ".pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(doc).replace("\n", "").contains(f.stork()));
        }
    }

    @Test
    void regenerating_makes_a_new_version_with_the_same_hash_and_page_for_the_same_data() {
        Fixture f = publish();
        Map<String, Object> again = new java.util.HashMap<>(request(f.month(), XIUWU, null));
        again.put("regenerate", true);
        JsonPath v1 = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, null)).when().post("/bulletins").then().statusCode(201)
                .body("version", equalTo(1)).extract().jsonPath();
        JsonPath v2 = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON).body(again)
                .when().post("/bulletins").then().statusCode(201).header("Location", containsString("/bulletins/"))
                .body("version", equalTo(2)).extract().jsonPath();
        assertTrue(!v1.getString("id").equals(v2.getString("id")), "a new version is a bulletin of its own");
        assertEquals(v1.getString("contentHash"), v2.getString("contentHash"), "same data, same hash");
        String html1 = html(v1.getString("id"));
        assertEquals(html1, html(v2.getString("id")), "same data, same page, byte for byte");
        assertTrue(html1.contains("内容校验码（SHA-256）：" + v1.getString("contentHash")), "the page shows its hash");

        try (TestEvents events = new TestEvents(json, em)) {
            events.alert("ENFORCEMENT", "CRITICAL", XIUWU, f.month().plusDays(1));
            events.awaitApplied();
        }
        JsonPath v3 = given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON).body(again)
                .when().post("/bulletins").then().statusCode(201).body("version", equalTo(3))
                .body("figures.alerts.current", equalTo(2)).extract().jsonPath();
        assertTrue(!v3.getString("contentHash").equals(v1.getString("contentHash")), "new data, new hash");
        given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, null)).when().post("/bulletins").then().statusCode(200)
                .body("id", equalTo(v3.getString("id"))).body("version", equalTo(3));
        given().header("Authorization", TestTokens.bearer("admin")).when().get("/bulletins/" + v1.getString("id")).then()
                .statusCode(200).body("version", equalTo(1)).body("figures.alerts.current", equalTo(1));
        given().header("Authorization", TestTokens.bearer("bureau")).queryParam("scope", XIUWU)
                .queryParam("from", f.month().toString()).queryParam("to", f.month().plusMonths(1).minusDays(1).toString())
                .queryParam("edition", "INTERNAL").when().get("/bulletins").then().statusCode(200)
                .body("items.version", equalTo(List.of(3, 2, 1)));
    }

    @Test
    void each_version_is_published_as_bulletin_published_on_the_bulletins_topic() throws Exception {
        Fixture f = publish();
        JsonPath bulletin = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, "PUBLIC")).when().post("/bulletins").then().statusCode(201).extract().jsonPath();
        String id = bulletin.getString("id");
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> records = kafka.await(Topics.BULLETINS, r -> id.equals(r.key()), 1,
                    Duration.ofSeconds(30));
            assertEquals(1, records.size());
            JsonNode event = json.readTree(records.get(0).value());
            assertEquals(EventTypes.BULLETIN_PUBLISHED, event.get("type").asText());
            assertEquals("bulletin-service", event.get("source").asText());
            JsonNode data = event.get("data");
            assertEquals(id, data.get("id").asText());
            assertEquals("PUBLIC", data.get("edition").asText());
            assertEquals(XIUWU, data.get("scope").asText());
            assertEquals(f.month().toString(), data.get("periodFrom").asText());
            assertEquals(1, data.get("version").asInt());
            assertEquals(bulletin.getString("contentHash"), data.get("contentHash").asText());
            assertEquals("/bulletins/" + id + ".pdf", data.get("pdfPath").asText());
            assertEquals("/bulletins/" + id + ".html", data.get("htmlPath").asText());
            assertEquals(bulletin.getString("title"), data.get("title").asText());
        }
        given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, "PUBLIC")).when().post("/bulletins").then().statusCode(200);
        // A bulletin generated after it, through the same outbox relay, is the sentinel: what the 200 published would be
        // on the topic before it.
        String sentinelId = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), WEN, "PUBLIC")).when().post("/bulletins").then().statusCode(201).extract().path("id");
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(1, kafka.beforeSentinel(Topics.BULLETINS, r -> sentinelId.equals(r.key()), r -> id.equals(r.key()),
                    Duration.ofSeconds(30)).size(), "answering the archived bulletin publishes nothing again");
        }
    }

    /**
     * The fixture's records were all made at 35.3° N 113.3° E: the stork (sensitive) in the 0.1° cell centred on
     * 35.35/113.35, the three webworm and the egret records of the month in the 0.01° cell centred on 35.305/113.305.
     */
    @Test
    void the_map_draws_the_county_outline_from_the_geography_topic_and_the_generalized_places() {
        try (TestEvents events = new TestEvents(json, em)) {
            events.outline(XIUWU, "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[113.14, 35.13], [113.55, 35.13],"
                    + " [113.55, 35.5], [113.14, 35.5], [113.14, 35.13]]]]}", java.time.Instant.now());
            events.awaitApplied();
        }
        Fixture f = publish();
        JsonPath internal = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, null)).when().post("/bulletins").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("113.140,35.130 113.550,35.130 113.550,35.500 113.140,35.500 113.140,35.130"),
                internal.getList("figures.map.counties.find { it.code == '410821' }.rings"));
        assertEquals(true, internal.getBoolean("figures.map.counties[0].outlined"));
        assertEquals(List.of(Map.of("lat", 35.305f, "lon", 113.305f, "precision", "CELL_0_01", "records", 4, "suppressed", false),
                Map.of("lat", 35.35f, "lon", 113.35f, "precision", "CELL_0_1", "records", 1, "suppressed", false)),
                internal.getList("figures.map.marks"));
        assertTrue(html(internal.getString("id")).contains("<path data-county=\"410821\" d=\"M"), "the outline is drawn");

        JsonPath pub = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, "PUBLIC")).when().post("/bulletins").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("CELL_0_01", "COUNTY"), pub.getList("figures.map.marks.precision"),
                "the sensitive stork at county level only");
        assertEquals(List.of(35.315f, 113.345f), List.of(pub.getFloat("figures.map.marks[1].lat"), pub.getFloat("figures.map.marks[1].lon")),
                "修武县's centre");
        assertEquals(true, pub.getBoolean("figures.map.marks[1].suppressed"), "1 record is below 3");
        assertEquals(4, pub.getInt("figures.map.marks[0].records"));
    }

    private static String html(String id) {
        return given().header("Authorization", TestTokens.bearer("bureau")).when().get("/bulletins/" + id + ".html")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void the_public_edition_shows_sensitive_species_without_dates_and_suppresses_small_counts() {
        Fixture f = publish();
        JsonPath pub = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(request(f.month(), XIUWU, "PUBLIC")).when().post("/bulletins").then().statusCode(201)
                .body("edition", equalTo("PUBLIC")).extract().jsonPath();
        String stork = "figures.species.find { it.chineseName == '" + f.stork() + "' }";
        assertNull(pub.get(stork + ".firstObservedOn"), "sensitive: county only, no date");
        assertNull(pub.get(stork + ".records"), "1 record is below 3");
        assertEquals(true, pub.getBoolean(stork + ".suppressed"));
        assertEquals(List.of("修武县"), pub.getList(stork + ".counties"));
        assertEquals(3, pub.getInt("figures.species.find { it.chineseName == '" + f.webworm() + "' }.records"), "3 is shown");
        assertNull(pub.get("figures.alertsByType.find { it.rule == 'INVASIVE_SPECIES' }.current"), "1 alert is suppressed");
        assertTrue(pub.getList("figures.notes").contains("公开版：少于 3 的数量不予公布"));
        given().header("Authorization", TestTokens.bearer("bureau")).when().get("/bulletins/" + pub.getString("id") + ".html")
                .then().statusCode(200).body(containsString("（公开版）")).body(not(containsString(f.month().plusDays(11).toString())));
    }

    @Test
    void only_the_bureaus_and_admins_generate_bulletins() {
        Map<String, String> body = Map.of("scope", "CITY", "from", "2001-01-01");
        given().contentType(ContentType.JSON).body(body).when().post("/bulletins").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("ranger")).contentType(ContentType.JSON).body(body)
                .when().post("/bulletins").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("ranger")).when().get("/bulletins").then().statusCode(403);
        given().when().get("/bulletins/" + UUID.randomUUID() + ".html").then().statusCode(401);
    }

    @Test
    void every_mistake_of_a_request_is_named_in_one_400() {
        given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(Map.of("from", "2026-13-01", "to", "yesterday", "scope", "NOWHERE", "edition", "DRAFT"))
                .when().post("/bulletins").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("from", "to", "scope", "edition"));
        given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(Map.of("from", "2020-03-01", "to", "2020-02-01", "scope", "CITY"))
                .when().post("/bulletins").then().statusCode(400).body("violations.field", hasItem("to"));
        given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(Map.of("from", "2199-01-01", "scope", "CITY"))
                .when().post("/bulletins").then().statusCode(400).body("violations.message", hasItem(containsString("must have ended")));
        given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON).body(Map.of("to", "2020-01-31"))
                .when().post("/bulletins").then().statusCode(400).body("violations.field", hasItems("from", "scope"));
        given().header("Authorization", TestTokens.bearer("bureau")).queryParam("edition", "DRAFT").queryParam("limit", "0")
                .queryParam("cursor", "nonsense").when().get("/bulletins").then().statusCode(400)
                .body("violations.field", hasItems("edition", "limit", "cursor"));
        given().header("Authorization", TestTokens.bearer("bureau")).when().get("/bulletins/not-a-uuid").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("bureau")).when().get("/bulletins/" + UUID.randomUUID() + ".html").then().statusCode(404);
    }

    @Test
    void the_scopes_are_public() {
        given().when().get("/bulletin-scopes").then().statusCode(200)
                .body("code", hasItems("CITY", "TAIHANG", "YELLOW_RIVER", XIUWU))
                .body("find { it.code == 'YELLOW_RIVER' }.counties", hasItems("410823", WEN, "410883"));
    }
}
