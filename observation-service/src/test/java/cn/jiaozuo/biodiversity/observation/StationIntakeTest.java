package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.batch;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A stationId is accepted only from the identity the station is bound to in sampling-plot-service (topic
 * {@code stations}, read model {@code station_binding}) or from an admin: single posts, batch items (the
 * good ones stay stored) and Camtrap DP deployments alike.
 */
@QuarkusTest
class StationIntakeTest {

    @Inject
    StationBindings stations;

    private static ValidatableResponse post(Object body, String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then();
    }

    private static Map<String, Object> upload(String stationId) {
        return with(with(sighting(MACAQUE), "method", "CAMERA_TRAP"), "stationId", stationId);
    }

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(1)).body("violations[0].field", equalTo(field))
                .body("violations[0].message", containsString("registered in sampling-plot-service and bound"));
    }

    @Test
    void a_single_upload_names_only_a_station_bound_to_the_caller() {
        String me = "station-" + UUID.randomUUID();
        String mine = TestStations.bound(stations, me);
        String theirs = TestStations.bound(stations, "station-" + UUID.randomUUID());
        String bearer = TestTokens.bearer(Roles.STATION, me);

        post(upload(mine), bearer).statusCode(201).body("stationId", equalTo(mine)).body("observer", equalTo(me));
        refused(post(upload(theirs), bearer), "stationId");
        refused(post(upload("CT-never-registered-" + UUID.randomUUID()), bearer), "stationId");
        // A ranger, or a station token of another identity, cannot put records under my camera's name.
        refused(post(upload(mine), TestTokens.bearer(Roles.RANGER)), "stationId");
        refused(post(upload(mine), TestTokens.bearer(Roles.STATION, "station-" + UUID.randomUUID())), "stationId");
        // Without a stationId nothing changes.
        post(sighting(MACAQUE), bearer).statusCode(201).body("stationId", nullValue());
    }

    @Test
    void a_batch_rejects_the_items_naming_a_foreign_or_unknown_station_and_stores_the_others() {
        String me = "station-" + UUID.randomUUID();
        String mine = TestStations.bound(stations, me);
        String theirs = TestStations.bound(stations, "station-" + UUID.randomUUID());
        List<Map<String, Object>> items = List.of(upload(mine), upload(theirs), upload("CT-unknown-" + UUID.randomUUID()),
                sighting(MACAQUE));
        JsonPath answer = given().header("Authorization", TestTokens.bearer(Roles.STATION, me)).contentType(ContentType.JSON)
                .body(batch(items)).when().post("/observations/batch").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(2, 0, 2), List.of(answer.getInt("accepted"), answer.getInt("duplicates"), answer.getInt("rejected")));
        assertEquals(List.of("CREATED", "REJECTED", "REJECTED", "CREATED"), answer.getList("results.status"));
        assertEquals(List.of("items[1].stationId"), answer.getList("results[1].violations.field"));
        assertEquals(List.of("items[2].stationId"), answer.getList("results[2].violations.field"));

        given().when().get("/observations/" + items.get(0).get("uuid")).then().statusCode(200).body("stationId", equalTo(mine));
        given().when().get("/observations/" + items.get(1).get("uuid")).then().statusCode(404);
        given().when().get("/observations/" + items.get(2).get("uuid")).then().statusCode(404);
    }

    @Test
    void an_admin_may_name_any_station() {
        String bearer = "Bearer " + TestTokens.multiRoleToken("admin-" + UUID.randomUUID(), Roles.ADMIN, Roles.STATION);
        post(upload(TestStations.bound(stations, "station-" + UUID.randomUUID())), bearer).statusCode(201);
        post(upload("CT-not-yet-registered-" + UUID.randomUUID()), bearer).statusCode(201);
    }

    @Test
    void a_binding_that_has_not_arrived_yet_is_refused_until_it_does() {
        String me = "station-" + UUID.randomUUID();
        String station = "CT-" + UUID.randomUUID();
        Map<String, Object> body = upload(station);
        String bearer = TestTokens.bearer(Roles.STATION, me);
        refused(post(body, bearer), "stationId");
        TestStations.publish(station, me);
        // The client retries the same record: refused until the registration has reached intake, then stored once.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> post(body, bearer).extract().statusCode() == 201);
        post(body, bearer).statusCode(200);
    }

    @Test
    void rebinding_a_station_shuts_out_the_old_identity_but_its_stored_records_replay() {
        String old = "station-" + UUID.randomUUID();
        String station = TestStations.bound(stations, old);
        Map<String, Object> stored = upload(station);
        post(stored, TestTokens.bearer(Roles.STATION, old)).statusCode(201);

        String rotated = "station-" + UUID.randomUUID();
        TestStations.bind(stations, station, rotated);
        refused(post(upload(station), TestTokens.bearer(Roles.STATION, old)), "stationId");
        post(stored, TestTokens.bearer(Roles.STATION, old)).statusCode(200).body("uuid", equalTo(stored.get("uuid")));
        post(upload(station), TestTokens.bearer(Roles.STATION, rotated)).statusCode(201);

        // Unbound (registered before binding existed): nobody but an admin.
        TestStations.bind(stations, station, null);
        refused(post(upload(station), TestTokens.bearer(Roles.STATION, rotated)), "stationId");
    }

    @Test
    void a_camtrap_dp_deployment_must_be_a_station_bound_to_the_importer() throws Exception {
        String me = "station-" + UUID.randomUUID();
        String deployment = "CT-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] zip = CamtrapDpImportTest.samplePackage(deployment, 35.30 + ThreadLocalRandom.current().nextDouble(0.1),
                113.30 + ThreadLocalRandom.current().nextDouble(0.1),
                OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).truncatedTo(ChronoUnit.SECONDS));
        JsonPath refused = importPackage(TestTokens.bearer(Roles.STATION, me), zip);
        assertEquals(0, refused.getInt("created"));
        assertEquals(4, refused.getInt("rejected"), "the macaque, the leopard, the unknown animal and the unknown deployment");
        assertEquals("deploymentID " + "must name a station registered in sampling-plot-service and bound to the identity of"
                + " this token; a new registration takes a few seconds to arrive here", refused.getString("errors[0].message"));

        TestStations.bind(stations, deployment, me);
        assertEquals(2, importPackage(TestTokens.bearer(Roles.STATION, me), zip).getInt("created"));
    }

    @Test
    void a_station_event_that_cannot_be_applied_goes_to_the_dead_letter_topic_and_the_next_is_applied() {
        String broken = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"StationUpserted\",\"source\":\"test\","
                + "\"data\":{\"id\":\"\",\"subject\":\"station-x\"}}";
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            kafka.send(Topics.STATIONS, "broken", broken);
            var dead = kafka.await(Topics.STATIONS_DLQ, r -> broken.equals(r.value()), 1, Duration.ofSeconds(30));
            assertEquals("observation-station-read-model",
                    new String(dead.get(0).headers().lastHeader("dlq.consumer").value(), StandardCharsets.UTF_8));
        }
        TestStations.bound(stations, "station-" + UUID.randomUUID());
    }

    private static JsonPath importPackage(String bearer, byte[] zip) {
        return given().header("Authorization", bearer).contentType("application/zip").body(zip).queryParam("countyCode", "410821")
                .when().post("/imports/camtrap-dp").then().statusCode(200).extract().jsonPath();
    }
}
