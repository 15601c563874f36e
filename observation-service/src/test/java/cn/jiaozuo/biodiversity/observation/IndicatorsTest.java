package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.location;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * GET /indicators on a known data set: species made for this test (so their entries are exact) and
 * records in 解放区 whose effect on the totals is computed by hand. Rejected records never count.
 */
@QuarkusTest
class IndicatorsTest {

    private static final String JIEFANG = "410802";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    PlotIndex plots;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String ranger = TestTokens.bearer(Roles.RANGER, "ranger-" + tag);

    private long species(String latin, String group, String level, boolean invasive) {
        Map<String, Object> body = new HashMap<>();
        body.put("scientificName", latin + " " + tag);
        body.put("chineseName", latin.substring(0, 4) + tag);
        body.put("group", group);
        body.put("protectionLevel", level);
        body.put("invasive", invasive);
        return given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
                .when().post("/species").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private String record(long speciesId, OffsetDateTime at, double lat, double lon) {
        Map<String, Object> body = new HashMap<>();
        body.put("uuid", UUID.randomUUID().toString());
        body.put("speciesId", speciesId);
        body.put("count", 1);
        body.put("observedAt", at.toString());
        body.put("location", location(lat, lon));
        body.put("countyCode", JIEFANG);
        body.put("method", "SIGHTING");
        return given().header("Authorization", ranger).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(201).extract().path("uuid");
    }

    private static void reject(String uuid) {
        given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).contentType(ContentType.JSON)
                .body(Map.of("status", "REJECTED", "comment", "misidentified")).when().patch("/observations/" + uuid + "/review")
                .then().statusCode(200);
    }

    private static JsonPath indicators(String county) {
        return given().queryParam("county", county).queryParam("years", 3).when().get("/indicators")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A plot of ±0.002° in 解放区 (by its event), placed away from the other tests' random points. */
    private double[] newPlot() {
        double lat = 34.95 + ThreadLocalRandom.current().nextDouble(0.1);
        double lon = 113.50 + ThreadLocalRandom.current().nextDouble(0.1);
        TestPlots.newPlot(plots, "410802", lat, lon);
        return new double[] {lat, lon};
    }

    private static Map<String, Object> entry(JsonPath doc, String listPath, long id) {
        List<Map<String, Object>> items = doc.getList(listPath);
        return items.stream().filter(m -> ((Number) m.get("id")).longValue() == id).findFirst().orElse(null);
    }

    private static Map<String, Object> protectedEntry(JsonPath doc, long id) {
        List<Map<String, Object>> groups = doc.getList("protectedSpeciesRecorded");
        for (Map<String, Object> group : groups) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> species = (List<Map<String, Object>>) group.get("species");
            for (Map<String, Object> s : species) {
                if (((Number) s.get("id")).longValue() == id) {
                    Map<String, Object> found = new HashMap<>(s);
                    found.put("group", group.get("group"));
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void a_known_data_set_gives_the_hand_computed_indicators() {
        long wolfLike = species("Lupusia testi", "MAMMAL", "NATIONAL_II", false);   // recorded in a plot 400 days ago
        long storkLike = species("Ciconiella testi", "BIRD", "NATIONAL_I", false);  // outside plots; its in-plot record is rejected
        long otterLike = species("Lutrella testi", "PLANT", "NATIONAL_II", false);  // never recorded
        long elmLike = species("Ulmusia testi", "PLANT", "PROVINCIAL", false);       // last seen 5 years ago
        long mothLike = species("Hyphantella testi", "INSECT", "NONE", true);       // invasive
        double[] plot = newPlot();

        JsonPath before = indicators(JIEFANG);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime wolfAt = now.minusDays(400);
        OffsetDateTime storkAt = now.minusDays(10);
        OffsetDateTime elmAt = now.minusYears(5);
        OffsetDateTime earlierMoth = now.minusDays(40);
        record(wolfLike, wolfAt, plot[0] + 0.001, plot[1] + 0.001);
        record(storkLike, storkAt, 35.45, 112.60);
        reject(record(storkLike, now.minusDays(5), plot[0], plot[1]));
        record(elmLike, elmAt, 35.45, 112.60);
        record(mothLike, now.minusMinutes(2), 35.45, 112.61);
        record(mothLike, now.minusMinutes(1), 35.45, 112.62);
        record(mothLike, earlierMoth, 35.45, 112.63);
        reject(record(mothLike, now.minusMinutes(3), 35.45, 112.64));

        JsonPath after = indicators(JIEFANG);
        assertEquals(JIEFANG, after.getString("scope"));

        // Richness: four new species all time (wolf, stork, elm, moth); two in the last 12 months (stork, moth).
        assertEquals(before.getInt("speciesRichness.allTime") + 4, after.getInt("speciesRichness.allTime"));
        assertEquals(before.getInt("speciesRichness.last12Months") + 2, after.getInt("speciesRichness.last12Months"));
        assertEquals(List.of(JIEFANG), after.getList("richnessByCounty.countyCode"));
        assertEquals("解放区", after.getString("richnessByCounty[0].countyName"));
        assertEquals(before.getInt("richnessByCounty[0].allTime") + 4, after.getInt("richnessByCounty[0].allTime"));
        assertEquals(before.getInt("richnessByCounty[0].last12Months") + 2, after.getInt("richnessByCounty[0].last12Months"));

        // National species recorded, by group, with their latest accepted record.
        Map<String, Object> wolf = protectedEntry(after, wolfLike);
        assertEquals("MAMMAL", wolf.get("group"));
        assertEquals(wolfAt.toInstant(), Instant.parse((String) wolf.get("lastRecordedAt")));
        Map<String, Object> stork = protectedEntry(after, storkLike);
        assertEquals("BIRD", stork.get("group"));
        assertEquals(storkAt.toInstant(), Instant.parse((String) stork.get("lastRecordedAt")), "not the rejected later record");
        assertNull(protectedEntry(after, otterLike), "never recorded");
        assertNull(protectedEntry(after, elmLike), "provincial, not national");

        // Protection rate: of the national species (unchanged in number), one more is recorded in a plot within 3 years.
        int inCatalog = after.getInt("protectionRateDetail.protectedInCatalog");
        int recorded = after.getInt("protectionRateDetail.protectedRecorded");
        assertEquals(before.getInt("protectionRateDetail.protectedInCatalog"), inCatalog);
        assertEquals(before.getInt("protectionRateDetail.protectedRecorded") + 1, recorded, "the wolf, not the stork");
        assertEquals((double) recorded / inCatalog, after.getDouble("protectionRate"), 1e-6);
        assertEquals(0.95, after.getDouble("protectionRateTarget"), 1e-9);
        assertEquals(3, after.getInt("protectionRateDetail.windowYears"));

        // Early warning: not recorded for 3 years.
        assertEquals(3, after.getInt("notRecordedForYears.years"));
        Map<String, Object> otter = entry(after, "notRecordedForYears.species", otterLike);
        assertEquals("NATIONAL_II", otter.get("protectionLevel"));
        assertNull(otter.get("lastRecordedAt"));
        Map<String, Object> elm = entry(after, "notRecordedForYears.species", elmLike);
        assertEquals(elmAt.toInstant(), Instant.parse((String) elm.get("lastRecordedAt")));
        assertNull(entry(after, "notRecordedForYears.species", wolfLike));
        assertNull(entry(after, "notRecordedForYears.species", storkLike));
        assertEquals(entry(before, "notRecordedForYears.species", wolfLike).get("lastRecordedAt"), null, "listed before its record");

        // Invasive detections: two this month, one in the month 40 days back (China time); the rejected one not at all.
        DateTimeFormatter month = DateTimeFormatter.ofPattern("yyyy-MM");
        List<Map<String, Object>> moths = after.<Map<String, Object>>getList("invasiveDetectionsByMonth").stream()
                .filter(d -> ((Number) d.get("speciesId")).longValue() == mothLike).toList();
        Map<String, Integer> byMonth = new HashMap<>();
        moths.forEach(d -> byMonth.merge((String) d.get("month"), ((Number) d.get("detections")).intValue(), Integer::sum));
        Map<String, Integer> expected = new HashMap<>();
        for (OffsetDateTime at : List.of(now.minusMinutes(2), now.minusMinutes(1), earlierMoth)) {
            expected.merge(at.atZoneSameInstant(CHINA).format(month), 1, Integer::sum); // months by the record's own time
        }
        assertEquals(expected, byMonth);
        moths.forEach(d -> assertEquals(JIEFANG, d.get("countyCode")));
    }

    @Test
    void without_a_county_the_scope_is_the_city_with_every_county_listed() {
        given().when().get("/indicators").then().statusCode(200)
                .body("scope", equalTo("city"))
                .body("richnessByCounty.size()", equalTo(10))
                .body("notRecordedForYears.years", equalTo(3));
    }

    @Test
    void an_unknown_county_or_bad_years_is_a_400_on_the_field() {
        given().queryParam("county", "999999").when().get("/indicators").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("county"));
        given().queryParam("years", "0").when().get("/indicators").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("years"));
    }
}
