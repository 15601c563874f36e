package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.retire;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.today;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Monitoring stations: admins register them on active plots; their {@code lastSeenAt} follows the
 * {@code ObservationRecorded} events of their uploads on the real broker, and {@code silentFor} lists
 * the ones that stopped uploading. (Who may read them and whose uploads count: {@link StationBindingTest}.)
 */
@QuarkusTest
class StationResourceTest {

    private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);
    private static final String READER = TestTokens.bearer(Roles.REVIEWER);

    @Inject
    ObjectMapper json;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    static Map<String, Object> station(String id, String plotCode, String installedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("type", "CAMERA_TRAP");
        body.put("plotCode", plotCode);
        body.put("location", Map.of("lat", 35.41, "lon", 113.21));
        body.put("installedOn", installedOn);
        body.put("subject", subjectOf(id));
        return body;
    }

    /** The identity each test station is bound to. */
    static String subjectOf(String stationId) {
        return stationId == null ? "ranger-test" : "station-" + stationId;
    }

    static String register(String plotCode, String installedOn) {
        String id = "CT-" + UUID.randomUUID();
        given().header("Authorization", ADMIN).contentType("application/json").body(station(id, plotCode, installedOn))
                .when().post("/stations").then().statusCode(201);
        return id;
    }

    /** An upload of the station by its bound identity, as observation-service publishes it. */
    private String upload(String stationId, Instant recordedAt) throws Exception {
        return upload(json, stationId, subjectOf(stationId), recordedAt);
    }

    static String upload(ObjectMapper json, String stationId, String observer, Instant recordedAt) throws Exception {
        ObservationSnapshot observation = new ObservationSnapshot(UUID.randomUUID(),
                new SpeciesSnapshot(1L, "Macaca mulatta", "猕猴", "Rhesus macaque", "MAMMAL", "NATIONAL_II", false, false),
                3, OffsetDateTime.ofInstant(recordedAt.minus(1, ChronoUnit.HOURS), ZoneOffset.ofHours(8)), recordedAt,
                new GeoPoint(35.41, 113.21, 10.0, "WGS84"), "410821", null, "CAMERA_TRAP", stationId, observer, "STATION",
                "UNVERIFIED", null, null, null);
        String value = json.writeValueAsString(EventEnvelope.of(EventTypes.OBSERVATION_RECORDED, "observation-service", observation));
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.OBSERVATIONS, "410821:1", value);
        }
        return value;
    }

    @Test
    void an_admin_registers_a_station_on_an_active_plot() {
        String plot = createPlot("410821");
        String id = "CT-" + UUID.randomUUID();
        given().header("Authorization", ADMIN).contentType("application/json").body(station(id, plot, today().toString()))
                .when().post("/stations").then().statusCode(201)
                .body("id", equalTo(id)).body("plotCode", equalTo(plot)).body("subject", equalTo(subjectOf(id)))
                .body("lastSeenAt", nullValue());
        given().header("Authorization", READER).when().get("/stations/" + id).then().statusCode(200)
                .body("type", equalTo("CAMERA_TRAP")).body("location.lat", equalTo(35.41f));
        given().header("Authorization", ADMIN).contentType("application/json").body(station(id, plot, today().toString()))
                .when().post("/stations").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void of_concurrent_registrations_of_one_id_one_wins_and_the_others_get_409() throws Exception {
        String plot = createPlot("410821");
        String id = "CT-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(pool.submit(() -> given().header("Authorization", ADMIN).contentType("application/json")
                        .body(station(id, plot, today().toString())).when().post("/stations").then().extract().statusCode()));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertEquals(1, answers.stream().filter(s -> s == 201).count(), answers.toString());
            assertEquals(5, answers.stream().filter(s -> s == 409).count(), answers.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_station_needs_an_active_plot_and_a_place_in_jiaozuo() {
        String plot = createPlot("410821");
        retire(plot);
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(station("CT-" + UUID.randomUUID(), plot, today().toString()))
                .when().post("/stations").then().statusCode(400).body("violations[0].field", equalTo("plotCode"));
        Map<String, Object> far = station("CT-" + UUID.randomUUID(), createPlot("410821"), today().toString());
        far.put("location", Map.of("lat", 39.9, "lon", 116.4));
        given().header("Authorization", ADMIN).contentType("application/json").body(far)
                .when().post("/stations").then().statusCode(400).body("violations[0].field", equalTo("location"));
    }

    @Test
    void an_upload_on_the_broker_sets_last_seen_at() throws Exception {
        String id = register(createPlot("410821"), today().minusDays(30).toString());
        Instant recordedAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        upload(id, recordedAt);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", READER)
                .when().get("/stations/" + id).then().statusCode(200).body("lastSeenAt", equalTo(recordedAt.toString())));
    }

    @Test
    void a_sighting_without_a_station_costs_no_processed_event_row() throws Exception {
        String marker = register(createPlot("410821"), today().minusDays(30).toString());
        Instant recordedAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String sighting = upload(null, recordedAt);
        String markerUpload = upload(marker, recordedAt);
        // Same key, same partition: once the marker's upload is applied, the sighting before it was read.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", READER)
                .when().get("/stations/" + marker).then().body("lastSeenAt", equalTo(recordedAt.toString())));
        assertEquals(1, processedRows(markerUpload));
        assertEquals(0, processedRows(sighting), "the station consumer passes over a ranger's sighting");
    }

    private long processedRows(String envelope) throws Exception {
        String eventId = json.readTree(envelope).get("eventId").asText();
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "select count(*) from processed_event where consumer = 'station-activity' and event_id = ?::uuid")) {
            query.setString(1, eventId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void a_late_older_upload_does_not_move_last_seen_at_back() throws Exception {
        String plot = createPlot("410821");
        String id = register(plot, today().minusDays(30).toString());
        String marker = register(plot, today().minusDays(30).toString());
        Instant recordedAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        upload(id, recordedAt);
        upload(id, recordedAt.minus(3, ChronoUnit.DAYS));
        // Same key, same partition: once the marker station's upload is applied, both uploads before it were too.
        upload(marker, recordedAt);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", READER)
                .when().get("/stations/" + marker).then().body("lastSeenAt", equalTo(recordedAt.toString())));
        given().header("Authorization", READER).when().get("/stations/" + id).then()
                .body("lastSeenAt", equalTo(recordedAt.toString()));
    }

    @Test
    void silent_for_lists_stations_whose_last_upload_is_older_than_the_duration() throws Exception {
        String plot = createPlot("410822");
        String active = register(plot, today().minusDays(30).toString());
        String silent = register(plot, today().minusDays(30).toString());
        String neverUploaded = register(plot, today().minusDays(30).toString());
        String installedToday = register(plot, today().toString());
        upload(active, Instant.now().minus(1, ChronoUnit.HOURS));
        upload(silent, Instant.now().minus(5, ChronoUnit.DAYS));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", READER)
                .queryParam("plotCode", plot).when().get("/stations").then()
                .body("find { it.id == '" + silent + "' }.lastSeenAt", not(nullValue()))
                .body("find { it.id == '" + active + "' }.lastSeenAt", not(nullValue())));

        given().header("Authorization", READER).queryParam("silentFor", "P2D").queryParam("plotCode", plot)
                .when().get("/stations").then().statusCode(200)
                .body("id", hasItem(silent)).body("id", hasItem(neverUploaded))
                .body("id", not(hasItem(active))).body("id", not(hasItem(installedToday)));
        given().header("Authorization", READER).queryParam("silentFor", "PT30M").queryParam("plotCode", plot)
                .when().get("/stations").then().statusCode(200).body("id", hasItem(active));
    }

    @Test
    void a_malformed_silent_for_is_a_400() {
        given().header("Authorization", READER).queryParam("silentFor", "two days").when().get("/stations").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("silentFor"));
    }

    @Test
    void a_poison_observation_event_goes_to_the_dead_letter_topic_and_the_consumer_goes_on() throws Exception {
        String id = register(createPlot("410821"), today().minusDays(30).toString());
        String broken = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ObservationRecorded\",\"source\":\"test\","
                + "\"data\":{\"stationId\":\"" + id + "\",\"recordedAt\":\"yesterday\"}}";
        String notJson = "not an envelope " + UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.OBSERVATIONS, "410821:1", broken);
            kafka.send(Topics.OBSERVATIONS, "410821:1", notJson);
            var dead = kafka.await(Topics.OBSERVATIONS_DLQ, r -> broken.equals(r.value()) || notJson.equals(r.value()), 2,
                    Duration.ofSeconds(30));
            assertEquals(2, dead.size());
            dead.forEach(r -> assertEquals("station-activity",
                    new String(r.headers().lastHeader("dlq.consumer").value(), StandardCharsets.UTF_8)));
        }
        // A good upload after the poison ones is still applied.
        Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        upload(id, recordedAt);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", READER)
                .when().get("/stations/" + id).then().body("lastSeenAt", equalTo(recordedAt.toString())));
    }
}
