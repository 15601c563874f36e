package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Single posts sent at once share commits (IntakeGroupCommit) and each is still answered as if it were alone: new
 * records 201, a replay of the same uuid and content 200, the same uuid with other content 409, with one stored
 * record per uuid.
 */
@QuarkusTest
class GroupCommitTest {

    @TestHTTPResource("/observations")
    URI observations;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private Map<Integer, Long> postAllAtOnce(List<Map<String, Object>> bodies, String bearer) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
            HttpRequest request = HttpRequest.newBuilder(observations).header("Authorization", bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        return sent.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, TreeMap::new, Collectors.counting()));
    }

    @Test
    void distinct_sightings_sent_at_once_are_each_stored() throws Exception {
        String bearer = TestTokens.bearer(Roles.RANGER, "ranger-" + UUID.randomUUID());
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            bodies.add(sighting(MACAQUE));
        }
        assertEquals(Map.of(201, 48L), postAllAtOnce(bodies, bearer));
        for (Map<String, Object> body : bodies) {
            given().header("Authorization", bearer).when().get("/observations/" + body.get("uuid")).then().statusCode(200);
        }
    }

    @Test
    void the_same_sighting_sent_many_times_at_once_is_stored_once_and_replayed() throws Exception {
        String bearer = TestTokens.bearer(Roles.RANGER, "ranger-" + UUID.randomUUID());
        Map<String, Object> body = sighting(MACAQUE);
        assertEquals(Map.of(200, 15L, 201, 1L), postAllAtOnce(List.of(body, body, body, body, body, body, body, body,
                body, body, body, body, body, body, body, body), bearer));
    }

    @Test
    void one_uuid_with_different_contents_at_once_is_stored_once_and_the_others_conflict() throws Exception {
        String bearer = TestTokens.bearer(Roles.RANGER, "ranger-" + UUID.randomUUID());
        Map<String, Object> first = sighting(MACAQUE);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int count = 1; count <= 12; count++) {
            bodies.add(with(first, "count", count));
        }
        assertEquals(Map.of(201, 1L, 409, 11L), postAllAtOnce(bodies, bearer));
        int stored = given().header("Authorization", bearer).when().get("/observations/" + first.get("uuid")).then()
                .statusCode(200).extract().path("count");
        // The stored one is one of those sent, and a replay of exactly it is a 200.
        Map<String, Object> winner = bodies.stream().collect(Collectors.toMap(b -> (Integer) b.get("count"),
                Function.identity())).get(stored);
        assertEquals(Map.of(200, 1L), postAllAtOnce(List.of(winner), bearer));
    }

    @Test
    void invalid_posts_among_valid_ones_are_refused_alone() throws Exception {
        String bearer = TestTokens.bearer(Roles.RANGER, "ranger-" + UUID.randomUUID());
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bodies.add(sighting(MACAQUE));
            bodies.add(with(sighting(MACAQUE), "count", 0));
        }
        assertEquals(Map.of(201, 10L, 400, 10L), postAllAtOnce(bodies, bearer));
    }
}
