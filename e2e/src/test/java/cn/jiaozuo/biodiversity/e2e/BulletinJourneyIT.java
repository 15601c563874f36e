package cn.jiaozuo.biodiversity.e2e;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.BULLETINS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.PLOTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A ranger of 修武县 recorded a 黑鹳 and a 苍鹭 yesterday and surveyed a plot; the bureau asks bulletin-service for
 * 修武县's bulletin of yesterday (a period must have ended): the survey visit comes from sampling-plot-service's
 * surveys topic, the 黑鹳 counts towards the protection rate measured against observation-service's catalog on the
 * species topic; the bureau downloads its PDF, finds both species under their Chinese names in it, and the bulletins
 * topic carries BulletinPublished with the PDF's link for alert-service to deliver.
 */
class BulletinJourneyIT {

    private static final String XIUWU = "410821";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sightings_of_yesterday_end_in_a_downloadable_pdf_bulletin_that_is_published_on_the_topic() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        for (String species : List.of(Sightings.CICONIA_NIGRA, Sightings.ARDEA_CINEREA)) {
            Map<String, Object> sighting = new HashMap<>(Sightings.sighting(species, XIUWU));
            sighting.put("observedAt", OffsetDateTime.of(yesterday, LocalTime.of(10, 0), ZoneOffset.ofHours(8)).toString());
            as("ranger", OBSERVATIONS).body(sighting).post("/observations").then().statusCode(201);
        }
        String plot = surveyedPlot(yesterday);

        // bulletin-service reads the sightings from the observations topic; until both are in its read model a new
        // version (regenerate: earlier runs or attempts may have archived this day already) lacks one of them.
        Map<String, Object> request = Map.of("from", yesterday.toString(), "to", yesterday.toString(), "scope", XIUWU,
                "edition", "INTERNAL", "regenerate", true);
        JsonPath bulletin = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> as("bureau", BULLETINS).body(request).post("/bulletins").then().statusCode(201)
                        .extract().jsonPath(), b -> {
                            List<String> names = b.getList("figures.species.scientificName", String.class);
                            return names.contains(Sightings.CICONIA_NIGRA) && names.contains(Sightings.ARDEA_CINEREA)
                                    && b.getInt("figures.surveys.visits.current") >= 1
                                    && "MEASURED".equals(b.getString("figures.protection.status"));
                        });
        // Surveyed yesterday, due again in 30 days: not overdue. The 黑鹳 (national class I) is a recorded protected species.
        assertTrue(!bulletin.getList("figures.surveys.overduePlotCodes", String.class).contains(plot), plot + " overdue");
        assertTrue(bulletin.getLong("figures.protection.recordedSpecies") >= 1);
        assertTrue(bulletin.getList("figures.protection.unrecorded.scientificName", String.class)
                .stream().noneMatch(Sightings.CICONIA_NIGRA::equals), "黑鹳 listed as unrecorded");
        String id = bulletin.getString("id");
        assertEquals("/bulletins/" + id + ".pdf", bulletin.getString("pdfUrl"));
        assertTrue(bulletin.getString("contentHash").matches("[0-9a-f]{64}"), bulletin.getString("contentHash"));

        byte[] pdf = as("reviewer", BULLETINS).accept("application/pdf").get(bulletin.getString("pdfUrl")).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace("\r", "").replace("\n", ""); // cells wrap
            for (String expected : List.of("焦作市生物多样性监测简报", "修武县", "五、物种名录", "黑鹳", "苍鹭", "样地调查",
                    "第 " + bulletin.getInt("version") + " 版", bulletin.getString("contentHash"))) {
                assertTrue(text.contains(expected), expected + " in the PDF:\n" + text);
            }
        }
        as("bureau", BULLETINS).get("/bulletins/" + id).then().statusCode(200).body("version", equalTo(bulletin.getInt("version")));

        List<ConsumerRecord<String, String>> published = TopicReader.read(Topics.BULLETINS, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertEquals(1, published.size(), "one BulletinPublished for the version");
        JsonNode event = JSON.readTree(published.get(0).value());
        assertEquals(EventTypes.BULLETIN_PUBLISHED, event.get("type").asText());
        JsonNode data = event.get("data");
        assertEquals(id, data.get("id").asText());
        assertEquals(XIUWU, data.get("scope").asText());
        assertEquals("INTERNAL", data.get("edition").asText());
        assertEquals(yesterday.toString(), data.get("periodFrom").asText());
        assertEquals(bulletin.getInt("version"), data.get("version").asInt());
        assertEquals(bulletin.getString("contentHash"), data.get("contentHash").asText());
        assertEquals("/bulletins/" + id + ".pdf", data.get("pdfPath").asText());
    }

    /** A plot of 修武县 established a month ago, surveyed every 30 days, and a ranger's visit to it on {@code day}. */
    private static String surveyedPlot(LocalDate day) {
        // North of the other journeys' plots (35.30–35.454° N) and of random sightings (up to 35.3° N): no sighting of
        // another test falls into it.
        double lat = 35.46 + ThreadLocalRandom.current().nextInt(0, 30) * 0.001;
        double lon = 113.30 + ThreadLocalRandom.current().nextInt(0, 150) * 0.001;
        List<List<Double>> ring = List.of(List.of(lon, lat), List.of(lon + 0.004, lat), List.of(lon + 0.004, lat + 0.004),
                List.of(lon, lat + 0.004), List.of(lon, lat));
        Map<String, Object> body = new HashMap<>(Map.of("name", "简报调查样地", "countyCode", XIUWU, "ecosystem", "FOREST",
                "geometry", Map.of("type", "Polygon", "coordinates", List.of(ring)), "methods", List.of("TRANSECT")));
        body.put("establishedOn", day.minusDays(30).toString());
        body.put("surveyIntervalDays", 30);
        String code = as("admin", PLOTS).body(body).post("/plots").then().statusCode(201).extract().path("code");
        as("ranger", PLOTS).body(Map.of("visitedOn", day.toString(), "team", "修武县林业局监测二组", "method", "TRANSECT",
                "effortHours", 2.5)).post("/plots/" + code + "/surveys").then().statusCode(201);
        return code;
    }
}
