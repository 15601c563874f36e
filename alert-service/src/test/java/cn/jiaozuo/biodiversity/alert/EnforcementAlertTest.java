package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.XIUWU;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.alert;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.ordinary;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.IncidentSnapshot;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.PatrolSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ENFORCEMENT alerts, end to end: IncidentReported on topic patrols (as patrol-service publishes it) becomes one alert
 * per incident, as severe as EnforcementDecisions says, generalized where a sensitive species is involved; the consumer
 * is idempotent, dead-letters poison to patrols.dlq and passes PatrolRecorded over. REST Assured reads JSON numbers
 * as floats, so coordinates compare to 1e-5°.
 */
@QuarkusTest
class EnforcementAlertTest extends ObservationEventsFixture {

    @Inject
    AgroalDataSource database;

    /**
     * A point of its own for each test, far from the fixed point other tests' sightings use (35.2178, 113.2431), so no
     * sensitive sighting of another test lies within 3 km of it.
     */
    private static GeoPoint freshPoint() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new GeoPoint(30 + random.nextDouble() * 4, 100 + random.nextDouble() * 10, 6.0, "WGS84");
    }

    private static GeoPoint north(GeoPoint p, double degrees) {
        return new GeoPoint(p.lat() + degrees, p.lon(), p.accuracyM(), "WGS84");
    }

    private static IncidentSnapshot incident(UUID patrol, String type, Long speciesId, GeoPoint at, String protectedArea) {
        return new IncidentSnapshot(UUID.randomUUID(), patrol, type, "REMOVED", speciesId, at,
                Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS), 3, "Wire snares on a trail",
                List.of(), XIUWU, "ROUTINE", List.of("ranger-wang", "ranger-li"), "ranger-wang", protectedArea);
    }

    private EventEnvelope<IncidentSnapshot> report(IncidentSnapshot incident) {
        EventEnvelope<IncidentSnapshot> envelope = EventEnvelope.of(EventTypes.INCIDENT_REPORTED, "patrol-service", incident);
        send(incident.patrolUuid().toString(), envelope);
        return envelope;
    }

    private void send(String key, Object envelope) {
        try {
            events.kafka().send(Topics.PATROLS, key, json.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> alertIds(UUID incident) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("select id from alert where incident_uuid = ?")) {
            q.setObject(1, incident);
            try (ResultSet rs = q.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    private int processedRows(UUID eventId) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from processed_event where event_id = ?")) {
            q.setObject(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Waits for the incident's alert and returns it as GET /alerts/{id} shows it. */
    private JsonPath awaitAlert(IncidentSnapshot incident) {
        List<String> ids = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> alertIds(incident.uuid()), l -> !l.isEmpty());
        return alert(ids.get(0));
    }

    /** A sighting of {@code species} at {@code at}, an hour ago, applied before this returns. */
    private ObservationSnapshot sighted(SpeciesSnapshot species, GeoPoint at) {
        ObservationSnapshot o = new ObservationSnapshot(UUID.randomUUID(), species, 1,
                OffsetDateTime.now(ObservationEvents.CST).minusHours(1), Instant.now(), at, XIUWU, null, "CAMERA_TRAP",
                null, "ranger-zhao", "RANGER", "UNVERIFIED", null, null, null);
        events.recorded(o);
        events.awaitConsumed(o);
        return o;
    }

    private static SpeciesSnapshot muskDeer(long id) {
        return new SpeciesSnapshot(id, "Moschus berezovskii " + id, "林麝", "Forest musk deer", "MAMMAL", "NATIONAL_I",
                false, true);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            FIRE            | CRITICAL | Fire reported by a patrol
            SNARE           | HIGH     | Snare reported by a patrol
            TRAP            | HIGH     | Trap reported by a patrol
            POACHING        | HIGH     | Poaching reported by a patrol
            ILLEGAL_LOGGING | MEDIUM   | Illegal logging reported by a patrol
            CARCASS         | MEDIUM   | Carcass reported by a patrol
            """)
    void an_incident_away_from_protected_areas_and_sensitive_species_is_as_severe_as_its_type(String type,
            String severity, String reason) {
        GeoPoint at = freshPoint();
        IncidentSnapshot incident = incident(UUID.randomUUID(), type, null, at, null);
        report(incident);

        JsonPath a = awaitAlert(incident);
        assertEquals("ENFORCEMENT", a.getString("rule"));
        assertEquals(severity, a.getString("severity"));
        assertEquals(reason, a.getString("reason"));
        assertEquals("OPEN", a.getString("status"));
        assertEquals(XIUWU, a.getString("countyCode"));
        assertFalse(a.getBoolean("location.obscured"));
        assertEquals(at.lat(), a.getDouble("location.lat"), 1e-5);
        assertEquals(at.lon(), a.getDouble("location.lon"), 1e-5);
        assertNull(a.get("speciesId"));
        assertEquals(type, a.getString("incident.type"));
        assertEquals(3, a.getInt("incident.count"));
        assertEquals("REMOVED", a.getString("incident.actionTaken"));
        assertEquals(incident.uuid().toString(), a.getString("incident.incidentUuid"));
        assertEquals(incident.patrolUuid().toString(), a.getString("incident.patrolUuid"));
        assertEquals(incident.observedAt(), Instant.parse(a.getString("firstObservedAt")));
        assertTrue(a.getString("history[0].details").startsWith(severity + ": " + reason + "; incident " + incident.uuid()));
    }

    @Test
    void a_snare_inside_a_protected_area_is_critical_and_shown_exactly() {
        GeoPoint at = freshPoint();
        IncidentSnapshot incident = incident(UUID.randomUUID(), "SNARE", null, at, "taihangshan-macaque-nnr");
        report(incident);

        JsonPath a = awaitAlert(incident);
        assertEquals("CRITICAL", a.getString("severity"));
        assertEquals("Snare inside protected area taihangshan-macaque-nnr", a.getString("reason"));
        assertEquals("taihangshan-macaque-nnr", a.getString("incident.protectedAreaId"));
        assertFalse(a.getBoolean("location.obscured"));
        assertEquals(at.lat(), a.getDouble("location.lat"), 1e-5);
    }

    @Test
    void a_snare_near_a_recent_sensitive_sighting_is_critical_and_tells_neither_the_sighting_nor_its_own_point()
            throws Exception {
        GeoPoint sightingPoint = freshPoint();
        ObservationSnapshot sighting = sighted(muskDeer(newSpeciesId()), sightingPoint);
        GeoPoint near = north(sightingPoint, -0.018);   // about 2 km south
        GeoPoint far = north(sightingPoint, 0.063);     // about 7 km north
        UUID patrol = UUID.randomUUID();
        IncidentSnapshot nearSnare = incident(patrol, "SNARE", null, near, null);
        IncidentSnapshot farSnare = incident(patrol, "SNARE", null, far, null);
        report(nearSnare);
        report(farSnare);

        JsonPath a = awaitAlert(nearSnare);
        assertEquals("CRITICAL", a.getString("severity"));
        assertEquals("Snare within 3 km of a sighting of a sensitive species in the last 30 days", a.getString("reason"));
        assertTrue(a.getBoolean("location.obscured"), "generalized like the sighting it tells of");
        double lat = a.getDouble("location.lat");
        double lon = a.getDouble("location.lon");
        assertEquals(Math.floor(near.lat() * 10) / 10 + 0.05, lat, 1e-5, "the incident's 0.1° cell centre");
        assertEquals(Math.floor(near.lon() * 10) / 10 + 0.05, lon, 1e-5);
        assertNotEquals(near.lat(), lat);
        assertNotEquals(sightingPoint.lat(), lat);
        assertTrue(a.getDouble("location.accuracyM") > 5000);
        assertNull(a.get("incident.incidentUuid"));
        assertNull(a.get("incident.patrolUuid"));
        assertNull(a.get("speciesId"), "the sighting's species is not named");
        Instant first = Instant.parse(a.getString("firstObservedAt"));
        assertEquals(first.truncatedTo(ChronoUnit.HOURS), first, "times to the hour");
        String shown = a.prettify();
        for (String secret : List.of(nearSnare.uuid().toString(), patrol.toString(), sighting.uuid().toString(),
                Double.toString(sightingPoint.lat()), Double.toString(near.lat()), "Moschus", "林麝")) {
            assertFalse(shown.contains(secret), secret + " in " + shown);
        }

        JsonPath other = awaitAlert(farSnare);
        assertEquals("HIGH", other.getString("severity"), "7 km away is not near");
        assertFalse(other.getBoolean("location.obscured"));

        // What leaves the system (topic alerts, and so SSE and webhooks) shows no more than the API.
        String id = a.getString("id");
        String published = events.kafka().await(Topics.ALERTS, r -> r.value().contains(id), 1, Duration.ofSeconds(15))
                .get(0).value();
        for (String secret : List.of(nearSnare.uuid().toString(), patrol.toString(), sighting.uuid().toString(),
                Double.toString(sightingPoint.lat()), Double.toString(near.lat()))) {
            assertFalse(published.contains(secret), secret + " in " + published);
        }
    }

    @Test
    void a_snare_concerning_a_sensitive_species_is_critical_and_generalized() {
        SpeciesSnapshot deer = muskDeer(newSpeciesId());
        sighted(deer, freshPoint()); // teaches the service the species (far from the snare)
        GeoPoint at = freshPoint();
        IncidentSnapshot incident = incident(UUID.randomUUID(), "SNARE", deer.id(), at, "taihangshan-macaque-nnr");
        report(incident);

        JsonPath a = awaitAlert(incident);
        assertEquals("CRITICAL", a.getString("severity"));
        assertEquals("Snare concerning a sensitive species", a.getString("reason"));
        assertEquals(deer.id(), a.getLong("speciesId"));
        assertEquals("林麝", a.getString("chineseName"));
        assertTrue(a.getBoolean("location.obscured"));
        assertNotEquals(at.lat(), a.getDouble("location.lat"));
        assertNull(a.get("incident.protectedAreaId"), "an area may be smaller than the cell");
        assertNull(a.get("incident.incidentUuid"));
        assertFalse(a.getString("history[0].details").contains(incident.uuid().toString()));
    }

    @Test
    void a_species_the_service_has_not_seen_is_generalized_but_not_critical_for_it() {
        SpeciesSnapshot known = ordinary(newSpeciesId());
        sighted(known, freshPoint());
        GeoPoint at = freshPoint();
        IncidentSnapshot ofKnown = incident(UUID.randomUUID(), "TRAP", known.id(), at, null);
        IncidentSnapshot ofUnknown = incident(UUID.randomUUID(), "TRAP", newSpeciesId(), freshPoint(), null);
        report(ofKnown);
        report(ofUnknown);

        JsonPath k = awaitAlert(ofKnown);
        assertEquals("HIGH", k.getString("severity"));
        assertFalse(k.getBoolean("location.obscured"), "a species known not to be sensitive is shown exactly");
        assertEquals(known.scientificName(), k.getString("scientificName"));
        JsonPath u = awaitAlert(ofUnknown);
        assertEquals("HIGH", u.getString("severity"));
        assertTrue(u.getBoolean("location.obscured"), "it cannot tell, so it fails closed");
        assertNull(u.get("scientificName"));
    }

    @Test
    void the_same_incident_delivered_again_raises_one_alert() throws SQLException {
        UUID patrol = UUID.randomUUID();
        IncidentSnapshot incident = incident(patrol, "POACHING", null, freshPoint(), null);
        EventEnvelope<IncidentSnapshot> envelope = report(incident);
        send(patrol.toString(), envelope);                                    // Kafka redelivers the record
        report(incident);                                                     // published again under a new event id
        IncidentSnapshot sentinel = incident(patrol, "FIRE", null, freshPoint(), null);
        report(sentinel);
        awaitAlert(sentinel);                                                 // one partition: the others are applied

        assertEquals(1, alertIds(incident.uuid()).size());
        assertEquals(1, processedRows(envelope.eventId()));
    }

    @Test
    void poison_goes_to_the_dead_letter_topic_and_the_consumer_goes_on() {
        String marker = UUID.randomUUID().toString();
        events.kafka().send(Topics.PATROLS, "poison-" + marker, "{not json " + marker);
        IncidentSnapshot unknownType = incident(UUID.randomUUID(), "SNARE", null, freshPoint(), null);
        Map<String, Object> data = json.convertValue(unknownType, Map.class);
        data.put("type", "SPACESHIP");
        data.put("notes", marker);
        send("poison-" + marker, Map.of("eventId", UUID.randomUUID().toString(), "type", EventTypes.INCIDENT_REPORTED,
                "occurredAt", "2026-06-01T00:00:00Z", "source", "patrol-service", "data", data));

        var dead = events.kafka().await(Topics.PATROLS_DLQ, r -> r.value().contains(marker), 2, Duration.ofSeconds(15));
        assertEquals(2, dead.size());
        assertEquals(Topics.PATROLS, new String(dead.get(0).headers().lastHeader("dlq.topic").value()));

        IncidentSnapshot next = incident(UUID.randomUUID(), "FIRE", null, freshPoint(), null);
        report(next);
        assertEquals("CRITICAL", awaitAlert(next).getString("severity"));
    }

    @Test
    void a_recorded_patrol_is_passed_over_without_a_transaction() throws SQLException {
        UUID patrol = UUID.randomUUID();
        PatrolSnapshot snapshot = new PatrolSnapshot(patrol, "ROUTINE", "FOOT", XIUWU, List.of("ranger-wang"),
                "ranger-wang", Instant.now(), "JSON", Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600),
                4.2, 1.0, 1);
        EventEnvelope<PatrolSnapshot> recorded = EventEnvelope.of(EventTypes.PATROL_RECORDED, "patrol-service", snapshot);
        send(patrol.toString(), recorded);
        IncidentSnapshot incident = incident(patrol, "ILLEGAL_GRAZING", null, freshPoint(), null);
        EventEnvelope<IncidentSnapshot> reported = report(incident);
        awaitAlert(incident); // after the patrol on its partition

        assertEquals(0, processedRows(recorded.eventId()), "no transaction, no processed-event row");
        assertEquals(1, processedRows(reported.eventId()));
    }

    @Test
    void subscriptions_and_the_listing_take_the_new_rule() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                    .body(Map.of("name", "fires " + UUID.randomUUID(), "organization", "市林业局",
                            "filter", Map.of("rules", List.of("ENFORCEMENT"), "minSeverity", "CRITICAL"),
                            "webhook", Map.of("url", receiver.url(), "secret", "fire-secret-0123456789")))
                    .when().post("/subscriptions").then().statusCode(201);
            IncidentSnapshot fire = incident(UUID.randomUUID(), "FIRE", null, freshPoint(), null);
            report(fire);

            String body = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> receiver.received().stream().map(WebhookReceiver.Received::body)
                            .filter(b -> b.contains(fire.uuid().toString())).findFirst(), java.util.Optional::isPresent)
                    .orElseThrow();
            JsonPath delivered = JsonPath.from(body);
            assertEquals("AlertRaised", delivered.getString("type"));
            assertEquals("ENFORCEMENT", delivered.getString("data.rule"));
            assertEquals("FIRE", delivered.getString("data.incident.type"));
            assertEquals("Fire reported by a patrol", delivered.getString("data.reason"));
            assertNull(delivered.get("data.speciesId"));
        }
        List<Map<String, Object>> listed = given().header("Authorization", TestTokens.bearer(Roles.BUREAU))
                .queryParam("rule", "ENFORCEMENT").queryParam("limit", 5).when().get("/alerts").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertFalse(listed.isEmpty());
        assertTrue(listed.stream().allMatch(a -> "ENFORCEMENT".equals(a.get("rule"))));
    }
}
