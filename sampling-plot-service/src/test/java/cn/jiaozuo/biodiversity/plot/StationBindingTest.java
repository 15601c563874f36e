package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.today;
import static cn.jiaozuo.biodiversity.plot.StationResourceTest.register;
import static cn.jiaozuo.biodiversity.plot.StationResourceTest.station;
import static cn.jiaozuo.biodiversity.plot.StationResourceTest.subjectOf;
import static cn.jiaozuo.biodiversity.plot.StationResourceTest.upload;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.StationSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A station is bound to the identity it uploads with: only reviewers, admins and that identity read the
 * station (its point and lastSeenAt locate its uploads, sensitive species' too), only that identity's
 * uploads move lastSeenAt, and every registration or change reaches topic {@code stations} for
 * observation-service, without the point.
 */
@QuarkusTest
class StationBindingTest {

    private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);
    private static final String REVIEWER = TestTokens.bearer(Roles.REVIEWER);

    @Inject
    ObjectMapper json;

    private static String stationToken(String stationId) {
        return TestTokens.bearer(Roles.STATION, subjectOf(stationId));
    }

    @Test
    void only_reviewers_admins_and_the_station_itself_read_a_station() {
        String plot = createPlot("410821");
        String mine = register(plot, today().minusDays(3).toString());
        String other = register(plot, today().minusDays(3).toString());

        // A token without one of our roles, a ranger and the bureau: 403 problem+json on every station read.
        for (String bearer : List.of(TestTokens.bearer("visitor"), TestTokens.bearer(Roles.RANGER), TestTokens.bearer(Roles.BUREAU))) {
            given().header("Authorization", bearer).when().get("/stations/" + mine).then().statusCode(403)
                    .contentType("application/problem+json");
            given().header("Authorization", bearer).when().get("/stations").then().statusCode(403)
                    .contentType("application/problem+json");
            given().header("Authorization", bearer).queryParam("silentFor", "PT1H").when().get("/stations").then().statusCode(403);
        }
        for (String bearer : List.of(REVIEWER, ADMIN)) {
            given().header("Authorization", bearer).when().get("/stations/" + mine).then().statusCode(200)
                    .body("location.lat", equalTo(35.41f)).body("subject", equalTo(subjectOf(mine)));
            given().header("Authorization", bearer).queryParam("plotCode", plot).when().get("/stations").then().statusCode(200)
                    .body("id", hasItems(mine, other));
        }

        // The station reads itself, not another one, and lists only itself.
        given().header("Authorization", stationToken(mine)).when().get("/stations/" + mine).then().statusCode(200)
                .body("id", equalTo(mine)).body("location.lon", equalTo(113.21f));
        given().header("Authorization", stationToken(mine)).when().get("/stations/" + other).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", stationToken(mine)).queryParam("plotCode", plot).when().get("/stations").then()
                .statusCode(200).body("id", contains(mine));
        given().header("Authorization", stationToken(mine)).when().get("/stations").then().statusCode(200).body("id", contains(mine));
        // A station token bound to nothing lists nothing; an unknown id is a 404 as for everyone allowed to read.
        given().header("Authorization", TestTokens.bearer(Roles.STATION, "station-" + UUID.randomUUID())).when().get("/stations")
                .then().statusCode(200).body("$", empty());
        given().header("Authorization", stationToken(mine)).when().get("/stations/CT-" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void only_uploads_of_the_bound_identity_move_last_seen_at() throws Exception {
        String plot = createPlot("410822");
        String station = register(plot, today().minusDays(30).toString());
        String marker = register(plot, today().minusDays(30).toString());
        Instant stolen = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        // Someone else naming the station: a ranger, another station, an event without an observer.
        upload(json, station, "ranger-test", stolen);
        upload(json, station, subjectOf(marker), stolen);
        upload(json, station, null, stolen);
        Instant markerSeen = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        // Same key, same partition: once the marker's own upload is applied, the three before it were read.
        upload(json, marker, subjectOf(marker), markerSeen);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", REVIEWER)
                .when().get("/stations/" + marker).then().body("lastSeenAt", equalTo(markerSeen.toString())));
        given().header("Authorization", REVIEWER).when().get("/stations/" + station).then().statusCode(200)
                .body("lastSeenAt", nullValue());
        // The silent station stays listed as silent.
        given().header("Authorization", REVIEWER).queryParam("plotCode", plot).queryParam("silentFor", "P2D").when()
                .get("/stations").then().statusCode(200).body("id", contains(station));

        Instant own = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        upload(json, station, subjectOf(station), own);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", REVIEWER)
                .when().get("/stations/" + station).then().body("lastSeenAt", equalTo(own.toString())));
    }

    @Test
    void rebinding_a_station_shuts_out_its_old_identity() throws Exception {
        String plot = createPlot("410821");
        String station = register(plot, today().minusDays(30).toString());
        String newSubject = "station-rotated-" + UUID.randomUUID();
        Map<String, Object> body = station(station, plot, today().minusDays(30).toString());
        body.put("subject", newSubject);
        given().header("Authorization", ADMIN).contentType("application/json").body(body).when().put("/stations/" + station)
                .then().statusCode(200).body("subject", equalTo(newSubject)).body("id", equalTo(station));

        given().header("Authorization", stationToken(station)).when().get("/stations/" + station).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.STATION, newSubject)).when().get("/stations/" + station).then()
                .statusCode(200);

        Instant old = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant rotated = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        upload(json, station, subjectOf(station), old);
        upload(json, station, newSubject, rotated);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", REVIEWER)
                .when().get("/stations/" + station).then().body("lastSeenAt", equalTo(rotated.toString())));
    }

    @Test
    void a_change_is_for_admins_keeps_the_id_and_needs_a_known_station_and_a_subject() {
        String plot = createPlot("410821");
        String station = register(plot, today().toString());
        Map<String, Object> body = station(station, plot, today().toString());
        for (String role : new String[] {Roles.STATION, Roles.REVIEWER, Roles.BUREAU, Roles.RANGER}) {
            given().header("Authorization", TestTokens.bearer(role, subjectOf(station))).contentType("application/json").body(body)
                    .when().put("/stations/" + station).then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", ADMIN).contentType("application/json").body(body).when().put("/stations/CT-other")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("id"));
        String unknown = "CT-" + UUID.randomUUID();
        given().header("Authorization", ADMIN).contentType("application/json").body(station(unknown, plot, today().toString()))
                .when().put("/stations/" + unknown).then().statusCode(404).contentType("application/problem+json");

        Map<String, Object> unbound = station("CT-" + UUID.randomUUID(), plot, today().toString());
        unbound.remove("subject");
        given().header("Authorization", ADMIN).contentType("application/json").body(unbound).when().post("/stations").then()
                .statusCode(400).body("violations[0].field", equalTo("subject"));
        unbound.put("subject", "station\u0007bell");
        given().header("Authorization", ADMIN).contentType("application/json").body(unbound).when().post("/stations").then()
                .statusCode(400).body("violations[0].field", equalTo("subject"));
    }

    @Test
    void registration_and_change_are_published_on_the_stations_topic_without_the_point() throws Exception {
        String plot = createPlot("410823");
        String station = register(plot, today().toString());
        String newSubject = "station-rotated-" + UUID.randomUUID();
        Map<String, Object> body = station(station, plot, today().toString());
        body.put("subject", newSubject);
        given().header("Authorization", ADMIN).contentType("application/json").body(body).when().put("/stations/" + station)
                .then().statusCode(200);
        String sentinel = register(plot, today().toString()); // published after both: one relay, in commit order
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            List<ConsumerRecord<String, String>> records = kafka.beforeSentinel(Topics.STATIONS, r -> sentinel.equals(r.key()),
                    r -> station.equals(r.key()), Duration.ofSeconds(20));
            assertEquals(2, records.size());
            JsonNode first = json.readTree(records.get(0).value());
            assertEquals(EventTypes.STATION_UPSERTED, first.get("type").asText());
            assertEquals(EventTypes.STATION_UPSERTED,
                    new String(records.get(0).headers().lastHeader(Topics.HEADER_EVENT_TYPE).value(), StandardCharsets.UTF_8));
            assertEquals("sampling-plot-service", first.get("source").asText());
            StationSnapshot registered = json.treeToValue(first.get("data"), StationSnapshot.class);
            assertEquals(List.of(station, "CAMERA_TRAP", subjectOf(station), plot),
                    List.of(registered.id(), registered.type(), registered.subject(), registered.plotCode()));
            StationSnapshot changed = json.treeToValue(json.readTree(records.get(1).value()).get("data"), StationSnapshot.class);
            assertEquals(newSubject, changed.subject());
            assertFalse(changed.updatedAt().isBefore(registered.updatedAt()));
            for (ConsumerRecord<String, String> r : records) {
                JsonNode data = json.readTree(r.value()).get("data");
                for (String hidden : List.of("location", "lat", "lon", "lastSeenAt")) {
                    assertFalse(data.has(hidden), hidden + " stays off the topic: " + data);
                }
            }
        }
    }
}
