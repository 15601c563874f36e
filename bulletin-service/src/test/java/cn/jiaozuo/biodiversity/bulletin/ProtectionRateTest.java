package cn.jiaozuo.biodiversity.bulletin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The protection rate (docs/bulletins.md, "Protection rate") from the species catalog on {@code species} and
 * observations, counted by hand. The catalog is the whole topic, not a scope's: only this class publishes species, and
 * its first test sees none yet.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProtectionRateTest {

    private static final String QINYANG = "410882";
    private static final String MENGZHOU = "410883";

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    @Test
    @Order(1)
    void before_the_catalog_arrives_the_rate_says_so_rather_than_zero() {
        JsonPath b = generate("2025-05-01", null, "INTERNAL");
        assertEquals("NO_CATALOG", b.getString("figures.protection.status"));
        assertNull(b.get("figures.protection.ratePercent"));
        assertEquals(0, b.getInt("figures.protection.catalogSpecies"));
        assertTrue(b.getList("figures.highlights").stream().noneMatch(h -> h.toString().contains("记录率")));
        String html = given().header("Authorization", TestTokens.bearer("reviewer")).when().get("/bulletins/" + b.getString("id") + ".html")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("物种名录尚未载入，暂不能计算记录率"));
        assertFalse(html.contains("chart-protection"));
    }

    /**
     * June 2025 in 沁阳市, window P5Y: 2020-07-01 to 2025-06-30. Class I: 黑鹳 recorded at 2020-07-01 00:00 (inside),
     * 白鹤 at 2020-06-30 23:59:59 (outside), 金雕 only in 孟州市. Class II: 大天鹅 in 2023, 雕鸮 rejected, 鸳鸯 unverified at
     * the period's last second, 豹猫 first NONE and then NATIONAL_II in the catalog (the last entry wins), 黄嘴白鹭 the
     * first second after the period. Also a provincial egret and a wild boar (not counted). Class I 1/3, class II 3/5,
     * 4/8 = 50 %. One day later (the single day 2025-07-01) the window starts on 2020-07-02: 黑鹳 drops out, 黄嘴白鹭 is in.
     */
    @Test
    @Order(2)
    void the_rate_counts_the_catalogs_national_species_recorded_in_the_scope_within_the_window() {
        String m = UUID.randomUUID().toString().substring(0, 6);
        SpeciesSnapshot stork = species("Ciconia nigra " + m, "黑鹳", "NATIONAL_I");
        SpeciesSnapshot crane = species("Grus leucogeranus " + m, "白鹤", "NATIONAL_I");
        SpeciesSnapshot eagle = species("Aquila chrysaetos " + m, "金雕", "NATIONAL_I");
        SpeciesSnapshot swan = species("Cygnus cygnus " + m, "大天鹅", "NATIONAL_II");
        SpeciesSnapshot owl = species("Bubo bubo " + m, "雕鸮", "NATIONAL_II");
        SpeciesSnapshot duck = species("Aix galericulata " + m, "鸳鸯", "NATIONAL_II");
        SpeciesSnapshot cat = species("Prionailurus bengalensis " + m, "豹猫", "NATIONAL_II");
        SpeciesSnapshot chineseEgret = species("Egretta eulophotes " + m, "黄嘴白鹭", "NATIONAL_II");
        SpeciesSnapshot egret = species("Egretta garzetta " + m, "白鹭", "PROVINCIAL");
        SpeciesSnapshot boar = species("Sus scrofa " + m, "野猪", "NONE");
        try (TestEvents events = new TestEvents(json, em)) {
            for (SpeciesSnapshot s : List.of(stork, crane, eagle, swan, owl, duck, chineseEgret, egret, boar)) {
                events.catalogSpecies(s);
            }
            events.catalogSpecies(new SpeciesSnapshot(cat.id(), cat.scientificName(), cat.chineseName(), null, "MAMMAL", "NONE", false, false));
            events.catalogSpecies(cat);
            events.redeliverLast();
            events.observationAt(stork, QINYANG, at(2020, 7, 1, 0, 0, 0), "VERIFIED");
            events.observationAt(crane, QINYANG, at(2020, 6, 30, 23, 59, 59), "VERIFIED");
            events.observationAt(eagle, MENGZHOU, at(2025, 6, 10, 10, 0, 0), "VERIFIED");
            events.observationAt(swan, QINYANG, at(2023, 5, 5, 10, 0, 0), "VERIFIED");
            events.observationAt(owl, QINYANG, at(2025, 6, 5, 10, 0, 0), "REJECTED");
            events.observationAt(duck, QINYANG, at(2025, 6, 30, 23, 59, 59), "UNVERIFIED");
            events.observationAt(cat, QINYANG, at(2024, 1, 1, 10, 0, 0), "VERIFIED");
            events.observationAt(chineseEgret, QINYANG, at(2025, 7, 1, 0, 0, 0), "VERIFIED");
            events.observationAt(egret, QINYANG, at(2025, 6, 1, 10, 0, 0), "VERIFIED");
            events.observationAt(boar, QINYANG, at(2025, 6, 1, 10, 0, 0), "VERIFIED");
            events.awaitApplied();
        }
        JsonPath june = generate("2025-06-01", null, "INTERNAL");
        assertEquals("MEASURED", june.getString("figures.protection.status"));
        assertEquals("2020-07-01", june.getString("figures.protection.windowFrom"));
        assertEquals("2025-06-30", june.getString("figures.protection.windowTo"));
        assertEquals(10, june.getInt("figures.protection.catalogSpecies"));
        assertEquals(8, june.getInt("figures.protection.protectedSpecies"));
        assertEquals(4, june.getInt("figures.protection.recordedSpecies"));
        assertEquals(50.0, june.getDouble("figures.protection.ratePercent"));
        assertEquals(95.0, june.getDouble("figures.protection.targetPercent"));
        assertEquals(List.of("NATIONAL_I", "NATIONAL_II"), june.getList("figures.protection.classes.protectionClass"));
        assertEquals(List.of(3, 5), june.getList("figures.protection.classes.species"));
        assertEquals(List.of(1, 3), june.getList("figures.protection.classes.recorded"));
        assertEquals(33.3, june.getDouble("figures.protection.classes[0].ratePercent"));
        assertEquals(60.0, june.getDouble("figures.protection.classes[1].ratePercent"));
        assertEquals(List.of("金雕", "雕鸮", "黄嘴白鹭", "白鹤"), june.getList("figures.protection.unrecorded.chineseName"),
                "by scientific name: Aquila, Bubo, Egretta eulophotes, Grus");
        List<String> highlights = june.getList("figures.highlights");
        assertTrue(highlights.contains("国家重点保护物种记录率 50%，低于 95% 目标；2020-07-01 以来无记录：金雕、雕鸮、黄嘴白鹭、白鹤"),
                highlights.toString());
        String html = given().header("Authorization", TestTokens.bearer("reviewer")).when().get("/bulletins/" + june.getString("id") + ".html")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"chart-protection\""), "the chart");
        assertTrue(html.contains("<td>国家二级</td><td>5</td><td>3</td><td>60%</td>"), "the class table");
        assertTrue(html.contains("期内无记录的国家重点保护物种：金雕"), "the unrecorded species");

        JsonPath published = generate("2025-06-01", null, "PUBLIC");
        assertEquals(50.0, published.getDouble("figures.protection.ratePercent"));
        assertEquals(List.of(1, 3), published.getList("figures.protection.classes.recorded"));
        assertNull(published.get("figures.protection.unrecorded"), "no species names in the public edition");
        assertTrue(published.getList("figures.highlights").contains("国家重点保护物种记录率 50%，低于 95% 目标"),
                published.getList("figures.highlights").toString());
        String publicHtml = given().header("Authorization", TestTokens.bearer("bureau"))
                .when().get("/bulletins/" + published.getString("id") + ".html").then().statusCode(200).extract().asString();
        assertFalse(publicHtml.contains("金雕") || publicHtml.contains("白鹤"), "no unrecorded species in the public page");

        JsonPath dayAfter = generate("2025-07-01", "2025-07-01", "INTERNAL");
        assertEquals("2020-07-02", dayAfter.getString("figures.protection.windowFrom"));
        assertEquals(List.of(0, 4), dayAfter.getList("figures.protection.classes.recorded"), "黑鹳 out, 黄嘴白鹭 in");
        assertEquals(50.0, dayAfter.getDouble("figures.protection.ratePercent"));
    }

    @Test
    @Order(3)
    void a_species_that_can_never_be_applied_goes_to_the_dlq() {
        String key = Long.toString(TestEvents.speciesId());
        String unknownLevel = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + EventTypes.SPECIES_UPSERTED
                + "\",\"occurredAt\":\"2025-03-01T00:00:00Z\",\"source\":\"test\",\"data\":{\"id\":" + key
                + ",\"scientificName\":\"Nova species\",\"protectionLevel\":\"NATIONAL_III\"}}";
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.SPECIES, key, unknownLevel);
            assertEquals(1, kafka.await(Topics.SPECIES_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(60)).size(),
                    "a species with an unknown protection level");
        }
    }

    private static SpeciesSnapshot species(String scientific, String chinese, String level) {
        return TestEvents.species(TestEvents.speciesId(), scientific, chinese, level, false, false);
    }

    private static Instant at(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(TestEvents.SHANGHAI).toInstant();
    }

    private static JsonPath generate(String from, String to, String edition) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("from", from, "scope", QINYANG, "edition", edition));
        if (to != null) {
            body.put("to", to);
        }
        return given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON).body(body)
                .when().post("/bulletins").then().statusCode(201).extract().jsonPath();
    }
}
