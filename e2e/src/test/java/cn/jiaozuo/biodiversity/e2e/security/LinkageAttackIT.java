package cn.jiaozuo.biodiversity.e2e.security;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.ALERTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.e2e.Sightings;
import cn.jiaozuo.biodiversity.e2e.TopicReader;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Attempts to undo the generalization of a 华北豹 (North China leopard) by linking it to records shown exactly: a camera's
 * batch with a macaque at the same point and time, the observer filter, time bisection, the list order and cursor, a
 * time-based uuid, and the public topic. Run as everyone who gets the leopard generalized: no token, another ranger,
 * another station, the bureau. Each attack must learn no more than the leopard's 0.1° cell, county and day.
 */
class LinkageAttackIT {

    private static final String LEOPARD = "Panthera pardus japonensis";
    private static final String MACAQUE = "Macaca mulatta";
    private static final String XIUWU = "410821";

    /** Everyone who gets another's leopard generalized. */
    private static final List<Supplier<RequestSpecification>> OUTSIDERS = List.of(
            () -> as(null, OBSERVATIONS),
            () -> Attack.asRole("ranger", "ranger-" + UUID.randomUUID(), OBSERVATIONS),
            () -> Attack.asRole("station", "station-" + UUID.randomUUID(), OBSERVATIONS),
            () -> as("bureau", OBSERVATIONS));

    /** A camera's batch: a leopard and a macaque troop, same camera, same instant, same notes, a photo each. */
    private record Upload(Attack.Camera camera, OffsetDateTime at, String leopardUuid, String macaqueUuid, String publicId) {
    }

    private static Upload cameraBatch() {
        Attack.Camera camera = Attack.registerCamera(XIUWU);
        OffsetDateTime at = OffsetDateTime.of(LocalDate.now(ZoneOffset.ofHours(8)).minusDays(2).atTime(6, 12, 0), ZoneOffset.ofHours(8));
        Map<String, Object> leopard = frame(LEOPARD, camera, at, 1);
        Map<String, Object> macaque = frame(MACAQUE, camera, at, 4);
        // The binding of the camera reaches observation-service over Kafka: repeat until both are stored.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                Attack.asRole("station", camera.subject(), OBSERVATIONS).body(Map.of("items", List.of(leopard, macaque)))
                        .post("/observations/batch").then().statusCode(200).extract().<List<String>>path("results.status"),
                statuses -> statuses.stream().allMatch(s -> !s.equals("REJECTED")));
        String publicId = Attack.asRole("station", camera.subject(), OBSERVATIONS).get("/observations/" + leopard.get("uuid"))
                .then().statusCode(200).extract().path("publicId");
        // Generalized records are released in slots (every few seconds on the e2e stack, daily in production).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(null, OBSERVATIONS).get("/observations/" + publicId).statusCode() == 200);
        return new Upload(camera, at, (String) leopard.get("uuid"), (String) macaque.get("uuid"), publicId);
    }

    private static Map<String, Object> frame(String species, Attack.Camera camera, OffsetDateTime at, int count) {
        Map<String, Object> body = new LinkedHashMap<>(Attack.withStation(
                Sightings.sightingAt(species, XIUWU, camera.lat(), camera.lon()), camera.id()));
        body.put("observedAt", at.toString());
        body.put("count", count);
        body.put("notes", "frame 0417 of " + camera.id());
        body.put("media", List.of(Map.of("url", "https://media.jiaozuo-biodiversity.cn/" + camera.id() + "/0417.jpg")));
        return body;
    }

    @Test
    void the_observer_filter_and_the_exports_never_put_the_leopard_next_to_the_macaque() {
        Upload upload = cameraBatch();
        for (Supplier<RequestSpecification> outsider : OUTSIDERS) {
            Response list = outsider.get().queryParam("observer", upload.camera().subject()).get("/observations");
            assertEquals(List.of(upload.macaqueUuid()), list.then().statusCode(200).extract().path("items.uuid"));
            for (String export : List.of("/observations.csv", "/observations.geojson")) {
                String body = outsider.get().accept("*/*").queryParam("observer", upload.camera().subject()).get(export)
                        .then().statusCode(200).extract().asString();
                assertTrue(body.contains(upload.macaqueUuid()), export);
                assertFalse(body.contains(upload.leopardUuid()) || body.contains(upload.publicId()),
                        export + " lists the leopard next to the camera's macaque");
            }
        }
        // The station itself and reviewers still see both records, with the camera.
        as("reviewer", OBSERVATIONS).queryParam("observer", upload.camera().subject()).get("/observations").then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void the_generalized_leopard_carries_nothing_that_ties_it_to_the_camera_or_its_moment() {
        Upload upload = cameraBatch();
        for (Supplier<RequestSpecification> outsider : OUTSIDERS) {
            outsider.get().get("/observations/" + upload.leopardUuid()).then().statusCode(404);
            Response read = outsider.get().get("/observations/" + upload.publicId());
            JsonPath leopard = read.then().statusCode(200).extract().jsonPath();
            assertEquals(true, leopard.getBoolean("coordinatesObscured"));
            for (String withheld : List.of("observedAt", "recordedAt", "observer", "stationId", "plotCode", "method", "source",
                    "notes", "reviewer", "reviewComment", "reviewedAt")) {
                assertNull(leopard.get(withheld), withheld + " of a generalized record");
            }
            assertEquals(List.of(), leopard.getList("media"));
            assertEquals(upload.at().toLocalDate().toString(), leopard.getString("observedOn"));
            assertTrue(leopard.getDouble("location.accuracyM") >= 7000);
            String body = read.asString();
            for (String link : List.of(upload.camera().id(), upload.camera().subject(), upload.camera().plotCode(), "06:12",
                    upload.leopardUuid())) {
                assertFalse(body.contains(link), "the generalized leopard names " + link);
            }
        }
    }

    @Test
    void time_filters_and_the_list_order_tell_nothing_finer_than_the_day() {
        Upload upload = cameraBatch();
        OffsetDateTime at = upload.at();
        OffsetDateTime dayStart = at.toLocalDate().atStartOfDay().atOffset(ZoneOffset.ofHours(8));
        for (Supplier<RequestSpecification> outsider : OUTSIDERS) {
            // Bisection around the exact minute finds nothing; only a window holding the day's start finds it.
            for (OffsetDateTime from : List.of(at.minusSeconds(1), at, at.plusSeconds(1), dayStart.plusSeconds(1))) {
                List<String> found = outsider.get().queryParam("countyCode", XIUWU).queryParam("speciesId", 1)
                        .queryParam("from", from.toString()).queryParam("to", dayStart.plusDays(1).toString())
                        .get("/observations").then().statusCode(200).extract().path("items.uuid");
                assertFalse(found.contains(upload.publicId()), "from=" + from + " narrowed the leopard's time");
            }
            List<String> dayStartWindow = outsider.get().queryParam("countyCode", XIUWU).queryParam("speciesId", 1)
                    .queryParam("from", dayStart.toString()).queryParam("to", dayStart.plusSeconds(1).toString())
                    .queryParam("limit", 500).get("/observations").then().statusCode(200).extract().path("items.uuid");
            assertTrue(dayStartWindow.contains(upload.publicId()));

            // Page by page: no cursor carries the leopard's moment or its stored uuid.
            String cursor = null;
            List<String> cursors = new ArrayList<>();
            for (int page = 0; page < 5; page++) {
                RequestSpecification request = outsider.get().queryParam("countyCode", XIUWU).queryParam("limit", 1)
                        .queryParam("from", dayStart.toString()).queryParam("to", dayStart.plusDays(1).toString());
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                cursor = request.get("/observations").then().statusCode(200).extract().path("nextCursor");
                if (cursor == null) {
                    break;
                }
                cursors.add(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1));
            }
            for (String decoded : cursors) {
                assertFalse(decoded.contains(upload.leopardUuid()), "a cursor holds the leopard's uuid");
            }
        }
    }

    @Test
    void a_time_based_uuid_is_never_shown_nor_answered_to_outsiders() {
        String ranger = "ranger-" + UUID.randomUUID();
        // A version 7 uuid: its first 48 bits are the client's clock in milliseconds.
        long millis = System.currentTimeMillis();
        UUID v7 = new UUID((millis << 16) | 0x7000L | (UUID.randomUUID().getMostSignificantBits() & 0x0FFFL),
                (UUID.randomUUID().getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        Map<String, Object> leopard = new LinkedHashMap<>(Sightings.sighting(LEOPARD, XIUWU));
        leopard.put("uuid", v7.toString());
        String publicId = Attack.asRole("ranger", ranger, OBSERVATIONS).body(leopard).post("/observations").then()
                .statusCode(201).extract().path("publicId");
        assertFalse(v7.toString().equals(publicId));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(null, OBSERVATIONS).get("/observations/" + publicId).statusCode() == 200);
        for (Supplier<RequestSpecification> outsider : OUTSIDERS) {
            outsider.get().get("/observations/" + v7).then().statusCode(404);
            assertEquals(publicId, outsider.get().get("/observations/" + publicId).then().statusCode(200).extract().path("uuid"));
        }
    }

    @Test
    void the_public_topic_carries_the_leopard_generalized_and_the_macaque_as_the_public_api_shows_it() {
        Upload upload = cameraBatch();
        List<ConsumerRecord<String, String>> records = TopicReader.read(Topics.OBSERVATIONS_PUBLIC,
                r -> r.value().contains(upload.publicId()) || r.value().contains(upload.macaqueUuid())
                        || r.value().contains(upload.leopardUuid()), 2, Duration.ofSeconds(30));
        assertEquals(2, records.size(), "one event each for the leopard and the macaque");
        JsonPath leopard = records.stream().map(r -> new JsonPath(r.value())).filter(j -> j.getBoolean("data.generalized"))
                .findFirst().orElseThrow();
        assertEquals(upload.publicId(), leopard.getString("data.uuid"));
        for (String withheld : List.of("observedAt", "recordedAt", "observer", "stationId", "plotCode", "method", "source", "notes")) {
            assertNull(leopard.get("data." + withheld), withheld + " on the public topic");
        }
        assertFalse(records.stream().anyMatch(r -> r.value().contains(upload.leopardUuid())), "the leopard's stored uuid is published");
        assertFalse(records.stream().filter(r -> r.value().contains(upload.publicId())).anyMatch(r -> r.headers().lastHeader("traceparent") != null),
                "a trace id ties the leopard's event to the upload's request");
    }

    @Test
    void a_leopard_carcass_report_tells_outsiders_nothing_finer_than_the_hour_nor_its_uuid() {
        String ranger = "ranger-" + UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(LocalDate.now(ZoneOffset.ofHours(8)).minusDays(2).atTime(6, 12, 7),
                ZoneOffset.ofHours(8));
        OffsetDateTime hour = at.truncatedTo(ChronoUnit.HOURS);
        String uuid = UUID.randomUUID().toString();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("uuid", uuid);
        report.put("speciesId", 1); // 华北豹 in the catalog (sensitive; unknown to alert-service fails closed too)
        report.put("group", "MAMMAL");
        report.put("deadCount", 1);
        report.put("point", Map.of("lat", 35.3401, "lon", 113.2712, "accuracyM", 8));
        report.put("countyCode", XIUWU);
        report.put("observedAt", at.toString());
        report.put("symptoms", "云台山北坡二号沟 (gully 2 on the north slope)");
        Attack.asRole("ranger", ranger, ALERTS).body(report).post("/mortality-reports").then().statusCode(201);
        List<Supplier<RequestSpecification>> outsiders = List.of(
                () -> Attack.asRole("ranger", "ranger-" + UUID.randomUUID(), ALERTS),
                () -> Attack.asRole("station", "station-" + UUID.randomUUID(), ALERTS),
                () -> as("bureau", ALERTS));
        for (Supplier<RequestSpecification> outsider : outsiders) {
            outsider.get().get("/mortality-reports/" + uuid).then().statusCode(404);
            for (OffsetDateTime from : List.of(at.minusSeconds(1), at, hour.plusSeconds(1))) {
                String body = outsider.get().queryParam("speciesId", 1).queryParam("from", from.toString())
                        .queryParam("to", hour.plusHours(1).toString()).get("/mortality-reports").then().statusCode(200)
                        .extract().asString();
                assertFalse(body.contains("云台山"), "from=" + from + " narrowed the carcass's time");
            }
            JsonPath found = outsider.get().queryParam("speciesId", 1).queryParam("countyCode", XIUWU)
                    .queryParam("from", hour.toString()).queryParam("to", hour.plusSeconds(1).toString())
                    .queryParam("limit", 200).get("/mortality-reports").then().statusCode(200).extract().jsonPath();
            assertTrue(found.getList("items.observedAt").contains(hour.toInstant().toString()));
            String listing = found.prettify();
            for (String link : List.of(uuid, ranger, "云台山", "06:12", "22:12")) {
                assertFalse(listing.contains(link), "the generalized report names " + link);
            }
        }
        // Its reporter still finds it at the exact second under its own uuid.
        Attack.asRole("ranger", ranger, ALERTS).queryParam("speciesId", 1).queryParam("from", at.toString())
                .queryParam("to", at.plusSeconds(1).toString()).get("/mortality-reports").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(uuid));
    }

}
