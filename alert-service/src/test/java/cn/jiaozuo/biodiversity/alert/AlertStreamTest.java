package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.XIUWU;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /alerts/stream: committed alert events as Server-Sent Events, filtered like GET /alerts. */
@QuarkusTest
class AlertStreamTest extends ObservationEventsFixture {

    @TestHTTPResource("/alerts/stream")
    URI stream;

    HttpClient http;

    @BeforeEach
    void httpClient() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** An open stream whose lines are collected as they arrive. */
    private record OpenStream(HttpResponse<Stream<String>> response, ConcurrentLinkedQueue<String> lines,
            CompletableFuture<Void> reader) implements AutoCloseable {

        /** The JSON data of the SSE events received so far. */
        List<String> data() {
            return lines.stream().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip()).toList();
        }

        @Override
        public void close() {
            response.body().close();
            reader.cancel(true);
        }
    }

    private OpenStream open(String query, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream + query)).header("Authorization", token)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException e) {
                // closed by the test
            }
        });
        OpenStream open = new OpenStream(response, lines, reader);
        if (response.statusCode() == 200) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(": connected")
                    || lines.stream().anyMatch(l -> l.startsWith(":") && l.contains("connected")));
        }
        return open;
    }

    @Test
    void staff_receive_alert_events_of_their_filter_as_they_are_committed() throws Exception {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (OpenStream all = open("?speciesId=" + species.id(), TestTokens.bearer(Roles.REVIEWER));
                OpenStream xiuwu = open("?speciesId=" + species.id() + "&countyCode=" + XIUWU,
                        TestTokens.bearer(Roles.BUREAU))) {
            assertEquals(200, all.response().statusCode());
            assertTrue(all.response().headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));

            events.recorded(observation(species, JIEFANG));
            events.recorded(observation(species, XIUWU));

            await().atMost(Duration.ofSeconds(15)).until(() -> all.data().size() == 2 && xiuwu.data().size() == 1);
            JsonNode event = json.readTree(xiuwu.data().get(0));
            assertEquals("AlertRaised", event.path("type").asText());
            assertEquals(XIUWU, event.path("data").path("countyCode").asText());
            assertEquals(species.id(), event.path("data").path("speciesId").asLong());
            assertTrue(xiuwu.lines().contains("event: AlertRaised") || xiuwu.lines().contains("event:AlertRaised"));
            assertTrue(xiuwu.lines().stream().anyMatch(l -> l.startsWith("id:") && l.contains(event.path("eventId").asText())));
        }
    }

    @Test
    void the_stream_ends_when_the_token_expires_and_not_before() throws Exception {
        String shortLived = TestTokens.token(Roles.BUREAU, "bureau-short", TestTokens.DEFAULT_ORG, Duration.ofSeconds(4));
        Instant expiry = Instant.ofEpochSecond(JsonPath.from(new String(java.util.Base64.getUrlDecoder()
                .decode(shortLived.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8)).getLong("exp"));
        try (OpenStream expiring = open("", "Bearer " + shortLived);
                OpenStream lasting = open("", TestTokens.bearer(Roles.BUREAU))) {
            assertEquals(200, expiring.response().statusCode());
            assertFalse(expiring.reader().isDone(), "open while the token is valid");

            await().atMost(Duration.ofSeconds(15)).until(() -> expiring.reader().isDone());
            Instant ended = Instant.now();
            assertFalse(ended.isBefore(expiry), "ended at " + ended + ", the token expires at " + expiry);
            assertTrue(expiring.lines().stream().anyMatch(l -> l.startsWith(":") && l.contains("token expired")),
                    "says why: " + expiring.lines());
            assertFalse(lasting.reader().isDone(), "a stream whose token is valid stays open");
        }
    }

    @Test
    void the_stream_is_for_staff_only_and_rejects_invalid_filters() throws Exception {
        try (OpenStream ranger = open("", TestTokens.bearer(Roles.RANGER))) {
            assertEquals(403, ranger.response().statusCode());
        }
        try (OpenStream anonymous = open("", "Bearer not-a-token")) {
            assertEquals(401, anonymous.response().statusCode());
        }
        try (OpenStream invalid = open("?severity=SEVERE", TestTokens.bearer(Roles.BUREAU))) {
            assertEquals(400, invalid.response().statusCode());
        }
    }
}
