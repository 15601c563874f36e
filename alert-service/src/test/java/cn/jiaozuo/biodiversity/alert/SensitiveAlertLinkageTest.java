package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.BOAI;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.CST;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.nationalClassOne;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * An alert on a sensitive species (generalized point) carries nothing that narrows the cell or ties it
 * to the exact record: no observation uuid, observer, station or review comment, and every time only to
 * the hour — in the API for every staff role, on topic alerts (which the stream relays) and in webhooks;
 * and the listing's from/to filters cannot tell the minute either.
 */
@QuarkusTest
class SensitiveAlertLinkageTest extends ObservationEventsFixture {

    private static ObservationSnapshot sighting(SpeciesSnapshot species, OffsetDateTime at, String station) {
        return new ObservationSnapshot(UUID.randomUUID(), species, 1, at, Instant.now(),
                new GeoPoint(35.2178, 113.2431, 12.0, "WGS84"), BOAI, null, "CAMERA_TRAP", station, "ranger-linkage",
                "STATION", "UNVERIFIED", null, null, null);
    }

    private static void assertWholeHour(String what, String iso) {
        OffsetDateTime t = OffsetDateTime.parse(iso);
        assertEquals(t.truncatedTo(ChronoUnit.HOURS), t, what + " must be to the hour: " + iso);
    }

    private static void assertNamesNothing(String text, List<ObservationSnapshot> records) {
        for (ObservationSnapshot r : records) {
            assertFalse(text.contains(r.uuid().toString()), "names the record: " + text);
            assertFalse(text.contains(r.stationId()), "names the station: " + text);
            assertFalse(text.contains(r.observer()), "names the observer: " + text);
        }
        assertFalse(text.contains("35.2178"), "the exact point: " + text);
        assertFalse(text.contains(":17:23") || text.contains(":41:05"), "an exact time: " + text);
    }

    @Test
    void a_sensitive_alert_keeps_times_to_the_hour_and_names_no_record_anywhere() throws Exception {
        SpeciesSnapshot leopard = nationalClassOne(newSpeciesId(), true);
        OffsetDateTime first = OffsetDateTime.now(CST).minusDays(1).withHour(5).withMinute(17).withSecond(23).withNano(0);
        ObservationSnapshot dawn = sighting(leopard, first, "CAM-" + UUID.randomUUID());
        ObservationSnapshot later = sighting(leopard, first.plusHours(4).withMinute(41).withSecond(5),
                "CAM-" + UUID.randomUUID());
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                    .body(Map.of("name", "leopard " + leopard.id(), "organization", "太行山保护区",
                            "filter", Map.of("speciesIds", List.of(leopard.id())),
                            "webhook", Map.of("url", receiver.url(), "secret", "leopard-secret-0123456789")))
                    .post("/subscriptions").then().statusCode(201);

            events.recorded(dawn);
            events.recorded(later);
            Map<String, Object> summary = awaitAlerts(leopard.id(), 1, l -> ((Number) l.get(0).get("observationCount"))
                    .intValue() == 2).get(0);
            String id = (String) summary.get("id");

            // A reviewer rejects one with a comment that names the observer: the history keeps neither.
            events.reviewed(new ObservationSnapshot(later.uuid(), leopard, 1, later.observedAt(), later.recordedAt(),
                    later.location(), BOAI, null, later.method(), later.stationId(), later.observer(), later.source(),
                    "REJECTED", "reviewer-chen", "ranger-linkage's camera " + later.stationId() + " misfired",
                    Instant.now()));
            awaitAlerts(leopard.id(), 1, l -> ((Number) l.get(0).get("observationCount")).intValue() == 1);

            for (String role : List.of(Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN)) {
                String body = given().header("Authorization", TestTokens.bearer(role)).get("/alerts/" + id).then()
                        .statusCode(200).extract().asString();
                JsonPath alert = JsonPath.from(body);
                assertEquals(true, alert.getBoolean("location.obscured"));
                assertEquals(first.truncatedTo(ChronoUnit.HOURS).toInstant(),
                        OffsetDateTime.parse(alert.getString("firstObservedAt")).toInstant());
                assertEquals(later.observedAt().truncatedTo(ChronoUnit.HOURS).toInstant(),
                        OffsetDateTime.parse(alert.getString("lastObservedAt")).toInstant());
                assertWholeHour("createdAt", alert.getString("createdAt").replace("Z", "+00:00"));
                assertWholeHour("updatedAt", alert.getString("updatedAt").replace("Z", "+00:00"));
                for (String at : alert.getList("history.at", String.class)) {
                    assertWholeHour("history.at", at.replace("Z", "+00:00"));
                }
                assertEquals(List.of(), alert.getList("observationUuids"));
                assertTrue(alert.getList("history.details", String.class).contains("An observation was rejected in review"));
                assertFalse(body.contains("misfired"), "the review comment: " + body);
                assertNamesNothing(body, List.of(dawn, later));
            }

            // Topic alerts (and so the stream, which relays it) and the webhook carry the same snapshot.
            List<ConsumerRecord<String, String>> published = events.kafka().await(Topics.ALERTS,
                    r -> r.value().contains("\"speciesId\":" + leopard.id()), 3, Duration.ofSeconds(15));
            List<String> webhooks = await().atMost(Duration.ofSeconds(15)).until(
                    () -> receiver.received().stream().map(WebhookReceiver.Received::body).toList(), b -> b.size() == 3);
            for (String event : java.util.stream.Stream.concat(published.stream().map(ConsumerRecord::value),
                    webhooks.stream()).toList()) {
                JsonNode data = json.readTree(event).path("data");
                for (String field : List.of("firstObservedAt", "lastObservedAt")) {
                    assertWholeHour(field, data.path(field).asText());
                }
                for (String field : List.of("createdAt", "updatedAt")) {
                    assertWholeHour(field, data.path(field).asText().replace("Z", "+00:00"));
                }
                assertNamesNothing(event, List.of(dawn, later));
            }
        }
    }

    @Test
    void the_listing_filters_cannot_tell_the_minute_of_a_sensitive_alert() {
        SpeciesSnapshot leopard = nationalClassOne(newSpeciesId(), true);
        OffsetDateTime at = OffsetDateTime.now(CST).minusDays(2).withHour(5).withMinute(17).withSecond(23).withNano(0);
        events.recorded(sighting(leopard, at, "CAM-" + UUID.randomUUID()));
        awaitAlerts(leopard.id(), 1);
        OffsetDateTime hour = at.truncatedTo(ChronoUnit.HOURS);

        // Every `from` inside the hour gives the same answer, exact minute or not; likewise every `to`.
        List<Integer> froms = java.util.stream.Stream.of(hour.plusSeconds(1), at.minusSeconds(1), at, at.plusSeconds(1),
                hour.plusMinutes(59)).map(from -> count(leopard, "from", from)).toList();
        assertEquals(List.of(0, 0, 0, 0, 0), froms, "from inside the hour");
        List<Integer> tos = java.util.stream.Stream.of(hour.plusSeconds(1), at.minusSeconds(1), at, at.plusSeconds(1),
                hour.plusMinutes(59)).map(to -> count(leopard, "to", to)).toList();
        assertEquals(List.of(1, 1, 1, 1, 1), tos, "to inside the hour");
    }

    private static int count(SpeciesSnapshot species, String param, OffsetDateTime value) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("speciesId", species.id())
                .queryParam(param, value.toString()).get("/alerts").then().statusCode(200).extract().jsonPath()
                .getList("items").size();
    }

    @Test
    void an_alert_on_a_species_that_is_not_sensitive_keeps_exact_times_and_names_its_records() {
        SpeciesSnapshot stork = nationalClassOne(newSpeciesId(), false);
        OffsetDateTime at = OffsetDateTime.now(CST).minusDays(1).withHour(5).withMinute(17).withSecond(23).withNano(0);
        ObservationSnapshot record = sighting(stork, at, "CAM-" + UUID.randomUUID());
        events.recorded(record);
        String id = (String) awaitAlerts(stork.id(), 1).get(0).get("id");

        JsonPath alert = ObservationEvents.alert(id);
        assertEquals(at.toInstant(), OffsetDateTime.parse(alert.getString("firstObservedAt")).toInstant());
        assertEquals(List.of(record.uuid().toString()), alert.getList("observationUuids"));
    }
}
