package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.MortalityReports.as;
import static cn.jiaozuo.biodiversity.alert.MortalityReports.post;
import static cn.jiaozuo.biodiversity.alert.MortalityReports.with;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.MENGZHOU;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.nationalClassOne;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.alert.MortalityReports.Site;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Mortality and morbidity reports (疫源疫病监测): who may send them, what a valid one is (every mistake in one RFC 9457
 * 400), offline retries under the app's uuid, reads with their filters and cursor, and a sensitive species' report
 * generalized for readers other than reviewers, admins and its reporter.
 */
@QuarkusTest
class MortalityReportTest extends ObservationEventsFixture {

    @Test
    void a_ranger_reports_dead_ducks_and_reads_the_report_back() {
        Site site = Site.fresh();
        Map<String, Object> body = site.ducks(3, 0, 0);
        body.put("sickCount", 2);
        body.put("samplesTaken", true);
        body.put("stationId", "mengzhou-wetland-station");
        String id = post(Roles.RANGER, body).then().statusCode(201)
                .body("id", equalTo(body.get("uuid"))).body("group", equalTo("WATERFOWL"))
                .body("deadCount", equalTo(3)).body("sickCount", equalTo(2))
                .body("location.lat", closeTo(site.lat(), 1e-9)).body("location.obscured", equalTo(false))
                .body("countyCode", equalTo(MENGZHOU)).body("reporter", equalTo("ranger-zhang"))
                .body("stationId", equalTo("mengzhou-wetland-station")).body("samplesTaken", equalTo(true))
                .body("clusterAlertId", nullValue()).body("samples", hasSize(0)).extract().path("id");
        as(Roles.BUREAU).when().get("/mortality-reports/" + id).then().statusCode(200)
                .body("symptoms", equalTo("头颈扭曲 (twisted necks)")).body("location.lon", closeTo(site.lon(), 1e-9));
        as(Roles.BUREAU).when().get("/mortality-reports/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void a_retry_of_the_same_report_is_the_stored_one_and_another_report_under_its_uuid_a_conflict() {
        Map<String, Object> body = Site.fresh().ducks(2, 0, 0);
        post(Roles.STATION, body).then().statusCode(201);
        post(Roles.STATION, body).then().statusCode(200).body("id", equalTo(body.get("uuid"))).body("deadCount", equalTo(2));
        post(Roles.STATION, with(body, "deadCount", 3)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString((String) body.get("uuid")));
        // The same body from someone else is not a retry of theirs.
        as(Roles.RANGER, "ranger-li").body(body).when().post("/mortality-reports").then().statusCode(409);
        as(Roles.BUREAU).queryParam("from", ((String) body.get("observedAt")))
                .queryParam("to", OffsetDateTime.parse((String) body.get("observedAt")).plusMinutes(1).toString())
                .when().get("/mortality-reports").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void every_field_mistake_is_named_in_one_400() {
        as(Roles.RANGER).body(Map.of("deadCount", -1, "sickCount", 100_001, "countyCode", "4108",
                        "point", Map.of("lat", 91), "symptoms", "x".repeat(2001), "speciesId", 0))
                .when().post("/mortality-reports").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("uuid", "deadCount", "sickCount", "countyCode", "point.lat",
                        "point.lon", "symptoms", "speciesId", "observedAt"));
        Map<String, Object> body = Site.fresh().ducks(0, 0, 0);
        body.put("point", Map.of("lat", 30.5, "lon", 120.1)); // Hangzhou
        body.put("countyCode", "110101");
        body.put("observedAt", OffsetDateTime.now().plusDays(1).toString());
        as(Roles.RANGER).body(body).when().post("/mortality-reports").then().statusCode(400)
                .body("violations.field", hasItems("deadCount", "point", "countyCode", "observedAt"))
                .body("violations.find { it.field == 'point' }.message", containsString("must lie in Jiaozuo"));
        as(Roles.RANGER).body(with(Site.fresh().ducks(1, 0, 0), "group", "DRAGON")).when().post("/mortality-reports")
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> unknown = with(Site.fresh().ducks(1, 0, 0), "speciesId", newSpeciesId());
        unknown.remove("group");
        as(Roles.RANGER).body(unknown).when().post("/mortality-reports").then().statusCode(400)
                .body("violations[0].field", equalTo("group"));
        as(Roles.BUREAU).queryParam("group", "DUCK").queryParam("countyCode", "1").queryParam("cursor", "nope")
                .queryParam("alertId", "x").when().get("/mortality-reports").then().statusCode(400)
                .body("violations.field", hasItems("group", "countyCode", "cursor", "alertId"));
    }

    @Test
    void reviewers_cannot_report_and_nobody_reads_without_a_token() {
        post(Roles.REVIEWER, Site.fresh().ducks(1, 0, 0)).then().statusCode(403);
        given().contentType("application/json").body(Site.fresh().ducks(1, 0, 0)).when().post("/mortality-reports")
                .then().statusCode(401);
        given().when().get("/mortality-reports").then().statusCode(401);
    }

    @Test
    void a_sensitive_species_report_is_generalized_except_for_reviewers_admins_and_its_reporter() {
        Leopard leopard = Leopard.reported(events, Site.fresh(), 0);
        for (String role : List.of(Roles.BUREAU, Roles.RANGER, Roles.STATION)) {
            as(role).when().get("/mortality-reports/" + leopard.publicId()).then().statusCode(200)
                    .body("id", equalTo(leopard.publicId())).body("location.obscured", equalTo(true))
                    .body("location.lat", not(closeTo(leopard.site().latNorth(10_000), 1e-6)))
                    .body("reporter", nullValue()).body("symptoms", nullValue())
                    .body("observedAt", equalTo(leopard.hour().toInstant().toString()));
            // The stored uuid is the client's (a time-based one carries its clock): not answered to outsiders.
            as(role).when().get("/mortality-reports/" + leopard.id()).then().statusCode(404);
        }
        for (String role : List.of(Roles.REVIEWER, Roles.ADMIN)) {
            as(role).when().get("/mortality-reports/" + leopard.publicId()).then().statusCode(200)
                    .body("id", equalTo(leopard.id())).body("location.obscured", equalTo(false))
                    .body("reporter", equalTo(leopard.reporter())).body("symptoms", notNullValue());
        }
        as(Roles.RANGER, leopard.reporter()).when().get("/mortality-reports/" + leopard.id()).then()
                .body("location.lat", closeTo(leopard.site().latNorth(10_000), 1e-9));
        as(Roles.BUREAU).queryParam("speciesId", leopard.speciesId()).when().get("/mortality-reports").then()
                .statusCode(200).body("items.id", equalTo(List.of(leopard.publicId())))
                .body("items[0].location.obscured", equalTo(true));
    }

    @Test
    void time_filters_order_and_cursor_tell_outsiders_nothing_finer_than_the_hour() {
        Site site = Site.fresh();
        // Reports of an ordinary species recorded just before and just after the leopard, observed with it.
        String before = post(Roles.RANGER, site.ducks(1, 0, 0.62)).then().statusCode(201).extract().path("id");
        Leopard leopard = Leopard.reported(events, site, 1);
        String after = post(Roles.RANGER, site.ducks(1, 20_000, 0.62)).then().statusCode(201).extract().path("id");
        OffsetDateTime t = leopard.observedAt();
        OffsetDateTime hour = leopard.hour();
        for (String role : List.of(Roles.BUREAU, Roles.RANGER, Roles.STATION)) {
            // Bisection around the exact second finds nothing; only a window holding the start of the hour finds it.
            for (OffsetDateTime from : List.of(t.minusSeconds(1), t, hour.plusSeconds(1))) {
                assertEquals(List.of(), ids(as(role), leopard, from, hour.plusHours(1)), "from=" + from);
            }
            assertEquals(List.of(leopard.publicId()), ids(as(role), leopard, hour, hour.plusSeconds(1)));
            assertEquals(List.of(leopard.publicId()), ids(as(role), leopard, hour.minusHours(1), t));

            // Listed at the hour of its recording: the shown recordedAt never increases down the list, so the
            // leopard's place between the ducks tells no more than its shown time.
            List<String> order = new ArrayList<>();
            List<String> cursors = new ArrayList<>();
            String cursor = null;
            do {
                var request = as(role).queryParam("countyCode", MENGZHOU)
                        .queryParam("from", hour.minusHours(1).toString()).queryParam("to", hour.plusHours(2).toString()).queryParam("limit", 1);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.when().get("/mortality-reports").then().statusCode(200).extract().jsonPath();
                order.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
                if (cursor != null) {
                    cursors.add(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
                }
            } while (cursor != null);
            assertEquals(3, order.size(), order.toString());
            List<Instant> shown = order.stream().map(id -> Instant.parse(as(role).when().get("/mortality-reports/" + id)
                    .then().statusCode(200).extract().<String>path("recordedAt"))).toList();
            for (int i = 1; i < shown.size(); i++) {
                assertFalse(shown.get(i).isAfter(shown.get(i - 1)), "listed out of its shown order: " + order);
            }
            assertEquals(after, order.get(0));
            assertFalse(order.contains(leopard.id()));
            for (String decoded : cursors) {
                assertFalse(decoded.contains(leopard.id()), "a cursor holds the leopard's stored uuid");
                long micros = Long.parseLong(decoded.substring(0, decoded.indexOf('|')));
                if (decoded.endsWith(leopard.publicId())) {
                    assertEquals(0, micros % 3_600_000_000L, "the leopard's cursor is finer than the hour");
                }
            }
            assertTrue(order.contains(before));
        }
        // Its reporter and reviewers filter on the exact time.
        assertEquals(List.of(leopard.id()), ids(as(Roles.RANGER, leopard.reporter()), leopard, t, t.plusSeconds(1)));
        assertEquals(List.of(leopard.id()), ids(as(Roles.REVIEWER), leopard, t, t.plusSeconds(1)));
    }

    @Test
    void samples_of_a_generalized_report_show_no_handler_and_no_time_finer_than_the_hour() {
        Leopard leopard = Leopard.reported(events, Site.fresh(), 1);
        OffsetDateTime sent = leopard.observedAt().plusHours(2).plusMinutes(17).plusSeconds(9);
        // The bureau knows the report by its public id only, and records the sample under it.
        as(Roles.BUREAU, "bureau-li").body(Map.of("sampleId", "S-" + leopard.publicId(), "lab", "河南省动物疫病预防控制中心",
                "sentAt", sent.toString())).when().post("/mortality-reports/" + leopard.publicId() + "/samples").then()
                .statusCode(201).body("id", equalTo(leopard.publicId()))
                .body("samples[0].sentAt", equalTo(sent.toInstant().truncatedTo(ChronoUnit.HOURS).toString()))
                .body("samples[0].updatedBy", nullValue());
        as(Roles.BUREAU).body(Map.of("sampleId", "S2", "lab", "lab", "sentAt", sent.toString())).when()
                .post("/mortality-reports/" + leopard.id() + "/samples").then().statusCode(404);
        as(Roles.REVIEWER).when().get("/mortality-reports/" + leopard.publicId()).then().statusCode(200)
                .body("samples[0].sentAt", equalTo(sent.toInstant().toString()))
                .body("samples[0].updatedBy", equalTo("bureau-li"));

        // The carcass's WILDLIFE_MORTALITY alert names the report by its public id, in its detail and its history.
        String alertId = as(Roles.REVIEWER).when().get("/mortality-reports/" + leopard.publicId()).then()
                .extract().path("mortalityAlertId");
        String alert = as(Roles.BUREAU).when().get("/alerts/" + alertId).then().statusCode(200)
                .body("disease.reportIds", equalTo(List.of(leopard.publicId()))).extract().asString();
        assertFalse(alert.contains(leopard.id()), "the alert names the report's stored uuid");
    }

    /** A 华北豹 (sensitive, national class I) found dead or sick by a ranger of its own, 37 min 12 s past an hour. */
    private record Leopard(Site site, long speciesId, String reporter, String id, String publicId,
            OffsetDateTime observedAt) {

        static Leopard reported(ObservationEvents events, Site site, int dead) {
            SpeciesSnapshot leopard = nationalClassOne(newSpeciesId(), true); // learned from topic observations
            events.recorded(observation(leopard, MENGZHOU));
            awaitAlerts(leopard.id(), 1);
            Map<String, Object> body = site.ducks(dead, 10_000, 0);
            body.remove("group"); // taken from the species
            body.put("speciesId", leopard.id());
            body.put("sickCount", 1);
            OffsetDateTime at = site.day().truncatedTo(ChronoUnit.HOURS).plusMinutes(37).plusSeconds(12);
            body.put("observedAt", at.toString());
            body.put("symptoms", "在大河村东侧沟里 (in the gully east of the village)");
            String reporter = "ranger-" + UUID.randomUUID();
            String id = as(Roles.RANGER, reporter).body(body).when().post("/mortality-reports").then().statusCode(201)
                    .body("location.obscured", equalTo(false)).body("group", equalTo("MAMMAL"))
                    .body("chineseName", equalTo("华北豹")).body("id", equalTo(body.get("uuid"))).extract().path("id");
            String publicId = as(Roles.BUREAU).queryParam("speciesId", leopard.id()).when().get("/mortality-reports")
                    .then().statusCode(200).extract().path("items[0].id");
            assertNotEquals(id, publicId);
            return new Leopard(site, leopard.id(), reporter, id, publicId, at);
        }

        OffsetDateTime hour() {
            return observedAt.truncatedTo(ChronoUnit.HOURS);
        }
    }

    /** The reports of the leopard's species the caller finds between from and to. */
    private static List<String> ids(RequestSpecification caller, Leopard leopard, OffsetDateTime from, OffsetDateTime to) {
        return caller.queryParam("speciesId", leopard.speciesId()).queryParam("from", from.toString())
                .queryParam("to", to.toString()).when().get("/mortality-reports").then().statusCode(200)
                .extract().path("items.id");
    }

    @Test
    void the_listing_filters_and_pages_newest_recorded_first() {
        Site site = Site.fresh();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // 50 km apart in time: never a cluster, whatever the counts.
            Map<String, Object> body = site.ducks(1, 0, i * 24.0 * 10);
            body.put("group", i == 2 ? "MAMMAL" : "WATERFOWL");
            ids.add(post(Roles.RANGER, body).then().statusCode(201).extract().path("id"));
        }
        String from = site.day().minusMinutes(1).toString();
        String to = site.day().plusDays(30).toString();
        JsonPath first = as(Roles.BUREAU).queryParam("from", from).queryParam("to", to).queryParam("limit", 2)
                .when().get("/mortality-reports").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(ids.get(2), ids.get(1)), first.getList("items.id"));
        as(Roles.BUREAU).queryParam("from", from).queryParam("to", to).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).when().get("/mortality-reports").then()
                .statusCode(200).body("items.id", equalTo(List.of(ids.get(0)))).body("nextCursor", nullValue());
        as(Roles.BUREAU).queryParam("from", from).queryParam("to", to).queryParam("group", "MAMMAL")
                .queryParam("countyCode", MENGZHOU).when().get("/mortality-reports").then().statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(2))));
    }
}
