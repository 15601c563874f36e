package cn.jiaozuo.biodiversity.observation;

import static io.restassured.RestAssured.given;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies for tests: each call gives a fresh uuid, so tests never share records. */
final class Sightings {

    /** Seeded species ids (V1__species_catalog.sql). */
    static final long LEOPARD = 1;      // 华北豹, NATIONAL_I, sensitive
    static final long MACAQUE = 3;      // 猕猴, NATIONAL_II
    static final long BLACK_STORK = 20; // 黑鹳, NATIONAL_I, sensitive
    static final long FALL_WEBWORM = 60; // 美国白蛾, invasive

    static final String XIUWU = "410821";

    private Sightings() {
    }

    /** A valid ranger sighting in 修武县, away from the test plots. */
    static Map<String, Object> sighting(long speciesId) {
        Map<String, Object> body = new HashMap<>();
        body.put("uuid", UUID.randomUUID().toString());
        body.put("speciesId", speciesId);
        body.put("count", 2);
        body.put("observedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        body.put("location", location(35.25 + random.nextDouble(0.15), 113.25 + random.nextDouble(0.15)));
        body.put("countyCode", XIUWU);
        body.put("method", "SIGHTING");
        return body;
    }

    /**
     * Posts an ordinary sighting (a macaque: never generalized, never held back) as a ranger and returns its uuid.
     * One relay publishes the outbox in commit order, so its events on {@code observations} and
     * {@code observations.public} come after those of everything committed before: the sentinel of
     * {@code KafkaTestClient.beforeSentinel}.
     */
    static String postSentinel() {
        Map<String, Object> body = sighting(MACAQUE);
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON).body(body)
                .when().post("/observations").then().statusCode(201);
        return (String) body.get("uuid");
    }

    static Map<String, Object> location(double lat, double lon) {
        Map<String, Object> location = new HashMap<>();
        location.put("lat", lat);
        location.put("lon", lon);
        location.put("accuracyM", 10.0);
        return location;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    static Map<String, Object> batch(List<?> items) {
        return Map.of("items", items);
    }
}
