package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.postSentinel;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** PATCH /observations/{uuid}/review: reviewers verify or reject, and the change is published. */
@QuarkusTest
class ObservationReviewTest {

    private static String recordOne() {
        Map<String, Object> body = sighting(MACAQUE);
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(201);
        return (String) body.get("uuid");
    }

    private static io.restassured.response.ValidatableResponse review(String uuid, Object body, String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().patch("/observations/" + uuid + "/review").then();
    }

    @Test
    void a_reviewer_verifies_an_observation_and_an_observation_reviewed_event_follows() {
        String uuid = recordOne();
        String reviewer = "reviewer-" + UUID.randomUUID();
        review(uuid, Map.of("status", "VERIFIED", "comment", "clear photo"), TestTokens.bearer(Roles.REVIEWER, reviewer))
                .statusCode(200)
                .body("status", equalTo("VERIFIED")).body("reviewer", equalTo(reviewer))
                .body("reviewComment", equalTo("clear photo")).body("reviewedAt", notNullValue());
        given().when().get("/observations/" + uuid).then().body("status", equalTo("VERIFIED"));

        String sentinel = postSentinel();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            var events = kafka.beforeSentinel(Topics.OBSERVATIONS, r -> r.value().contains(sentinel), r -> r.value().contains(uuid)
                    && type(r.headers().lastHeader("eventType")).equals("ObservationReviewed"), Duration.ofSeconds(20));
            assertEquals(1, events.size());
            assertEquals(true, events.get(0).value().contains("\"status\":\"VERIFIED\""));
            assertEquals(true, events.get(0).value().contains("\"reviewer\":\"" + reviewer + "\""));
        }
    }

    @Test
    void repeating_the_same_decision_publishes_nothing_new() {
        String uuid = recordOne();
        String bearer = TestTokens.bearer(Roles.REVIEWER, "reviewer-" + UUID.randomUUID());
        review(uuid, Map.of("status", "REJECTED", "comment", "blurred"), bearer).statusCode(200);
        review(uuid, Map.of("status", "REJECTED", "comment", "blurred"), bearer).statusCode(200).body("status", equalTo("REJECTED"));
        String sentinel = postSentinel();
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            var events = kafka.beforeSentinel(Topics.OBSERVATIONS, r -> r.value().contains(sentinel), r -> r.value().contains(uuid)
                    && type(r.headers().lastHeader("eventType")).equals("ObservationReviewed"), Duration.ofSeconds(20));
            assertEquals(1, events.size());
        }
    }

    @Test
    void a_status_other_than_verified_or_rejected_is_refused() {
        String uuid = recordOne();
        review(uuid, Map.of("status", "UNVERIFIED"), TestTokens.bearer(Roles.REVIEWER)).statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("status"));
    }

    @Test
    void a_missing_status_is_refused() {
        String uuid = recordOne();
        review(uuid, Map.of("comment", "?"), TestTokens.bearer(Roles.REVIEWER)).statusCode(400)
                .body("violations.field", hasItem("status"));
    }

    @Test
    void an_unknown_observation_is_404() {
        review(UUID.randomUUID().toString(), Map.of("status", "VERIFIED"), TestTokens.bearer(Roles.REVIEWER)).statusCode(404);
    }

    @Test
    void only_reviewers_may_review() {
        String uuid = recordOne();
        for (String role : new String[] {Roles.RANGER, Roles.STATION, Roles.BUREAU, Roles.ADMIN}) {
            review(uuid, Map.of("status", "VERIFIED"), TestTokens.bearer(role)).statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("status", "VERIFIED")).when().patch("/observations/" + uuid + "/review")
                .then().statusCode(401);
    }

    private static String type(Header header) {
        return header == null ? "" : new String(header.value());
    }
}
