package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.batch;
import static cn.jiaozuo.biodiversity.observation.Sightings.postSentinel;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** POST /observations/batch: station uploads where good items survive bad neighbours. */
@QuarkusTest
class BatchIntakeTest {

    @Inject
    StationBindings stations;

    private static ValidatableResponse postBatch(Object body, String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().post("/observations/batch").then();
    }

    @Test
    void valid_items_are_stored_even_when_others_are_rejected() {
        String station = "station-" + UUID.randomUUID();
        String bearer = TestTokens.bearer(Roles.STATION, station);
        Map<String, Object> good1 = sighting(MACAQUE);
        Map<String, Object> bad = with(sighting(MACAQUE), "count", 0);
        Map<String, Object> good2 = sighting(MACAQUE);

        postBatch(batch(List.of(good1, bad, good2)), bearer).statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(0)).body("rejected", equalTo(1))
                .body("results[0].status", equalTo("CREATED")).body("results[0].uuid", equalTo(good1.get("uuid")))
                .body("results[0].violations", nullValue())
                .body("results[1].status", equalTo("REJECTED")).body("results[1].uuid", equalTo(bad.get("uuid")))
                .body("results[1].violations.field", hasItem("items[1].count"))
                .body("results[2].status", equalTo("CREATED"));

        given().when().get("/observations/" + good1.get("uuid")).then().statusCode(200).body("source", equalTo("STATION"));
        given().when().get("/observations/" + good2.get("uuid")).then().statusCode(200);
        given().when().get("/observations/" + bad.get("uuid")).then().statusCode(404);
    }

    @Test
    void an_item_jackson_cannot_read_is_rejected_alone() {
        Map<String, Object> good = sighting(MACAQUE);
        Map<String, Object> unreadable = with(sighting(MACAQUE), "count", "many");
        postBatch(batch(List.of(unreadable, good, "not an object")), TestTokens.bearer(Roles.STATION)).statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("results[0].violations[0].field", equalTo("items[0].count"))
                .body("results[1].status", equalTo("CREATED"))
                .body("results[2].violations[0].field", equalTo("items[2]"));
    }

    @Test
    void a_resent_batch_reports_duplicates_and_stores_nothing_twice() {
        String bearer = TestTokens.bearer(Roles.STATION, "station-" + UUID.randomUUID());
        List<Map<String, Object>> items = List.of(sighting(MACAQUE), sighting(MACAQUE), sighting(MACAQUE));
        postBatch(batch(items), bearer).statusCode(200).body("accepted", equalTo(3));
        postBatch(batch(items), bearer).statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(3))
                .body("results.status", equalTo(List.of("DUPLICATE", "DUPLICATE", "DUPLICATE")));
    }

    @Test
    void a_uuid_taken_by_other_content_or_another_caller_is_rejected_on_uuid() {
        Map<String, Object> stored = sighting(MACAQUE);
        postBatch(batch(List.of(stored)), TestTokens.bearer(Roles.STATION, "station-a-" + UUID.randomUUID())).statusCode(200);

        postBatch(batch(List.of(stored, with(stored, "count", 9))), TestTokens.bearer(Roles.STATION, "station-b-" + UUID.randomUUID()))
                .statusCode(200)
                .body("rejected", equalTo(2))
                .body("results[0].violations[0].field", equalTo("items[0].uuid"))
                .body("results[1].violations[0].field", equalTo("items[1].uuid"));
    }

    @Test
    void the_same_uuid_twice_in_one_batch_is_stored_once() {
        Map<String, Object> item = sighting(MACAQUE);
        postBatch(batch(List.of(item, item, with(item, "count", 7))), TestTokens.bearer(Roles.STATION)).statusCode(200)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(1)).body("rejected", equalTo(1))
                .body("results[2].violations[0].field", equalTo("items[2].uuid"));
    }

    @Test
    void a_thousand_items_are_accepted_in_one_request_and_each_is_published_once() {
        String station = "station-" + UUID.randomUUID();
        TestStations.bind(stations, station, station);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(with(sighting(MACAQUE), "stationId", station));
        }
        postBatch(batch(items), TestTokens.bearer(Roles.STATION, station)).statusCode(200).body("accepted", equalTo(1000));

        Set<String> uuids = items.stream().map(i -> (String) i.get("uuid")).collect(Collectors.toSet());
        String sentinel = postSentinel();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            var records = kafka.beforeSentinel(Topics.OBSERVATIONS, r -> r.value().contains(sentinel),
                    r -> r.value().contains(station), Duration.ofSeconds(60));
            assertEquals(1000, records.size());
            assertEquals(uuids, records.stream().map(r -> r.value().replaceAll(".*\"uuid\":\"([0-9a-f-]{36})\".*", "$1"))
                    .collect(Collectors.toSet()));
        }
    }

    @Test
    void more_than_a_thousand_items_is_413() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(sighting(MACAQUE));
        }
        postBatch(batch(items), TestTokens.bearer(Roles.STATION)).statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("detail", containsString("1000"));
        given().when().get("/observations/" + items.get(0).get("uuid")).then().statusCode(404);
    }

    @Test
    void a_body_without_items_is_400() {
        postBatch(Map.of("things", List.of()), TestTokens.bearer(Roles.STATION)).statusCode(400)
                .body("violations.field", hasItem("items"));
    }

    @Test
    void only_rangers_and_stations_may_upload() {
        postBatch(batch(List.of(sighting(MACAQUE))), TestTokens.bearer(Roles.BUREAU)).statusCode(403);
        given().contentType(ContentType.JSON).body(batch(List.of(sighting(MACAQUE)))).when().post("/observations/batch")
                .then().statusCode(401);
    }
}
