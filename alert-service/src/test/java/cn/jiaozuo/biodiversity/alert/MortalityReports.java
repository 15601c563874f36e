package cn.jiaozuo.biodiversity.alert;

import static io.restassured.RestAssured.given;

import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Mortality reports as the apps send them. Every test works at a place and time of its own (a random point in
 * Jiaozuo on a random day of the last century), so the cluster rule never mixes its reports with another test's.
 */
final class MortalityReports {

    static final ZoneOffset CST = ZoneOffset.ofHours(8);
    /** Metres per degree of latitude on the cluster rule's sphere. */
    static final double M_PER_DEG = 6_371_008.8 * Math.PI / 180;

    /** A place and day of one test; points are offsets in metres north of it. */
    record Site(double lat, double lon, OffsetDateTime day) {

        static Site fresh() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            return new Site(34.9 + r.nextDouble(0.4), 112.8 + r.nextDouble(0.7),
                    OffsetDateTime.now(CST).minusDays(r.nextLong(100, 40_000)).truncatedTo(ChronoUnit.MINUTES));
        }

        double latNorth(double metres) {
            return lat + metres / M_PER_DEG;
        }

        /** A report body: {@code dead} dead ducks (waterfowl) {@code metresNorth} of the site, {@code hours} after its time. */
        Map<String, Object> ducks(int dead, double metresNorth, double hours) {
            Map<String, Object> body = new HashMap<>();
            body.put("uuid", UUID.randomUUID().toString());
            body.put("group", "WATERFOWL");
            body.put("deadCount", dead);
            body.put("sickCount", 0);
            body.put("point", Map.of("lat", latNorth(metresNorth), "lon", lon, "accuracyM", 10));
            body.put("countyCode", "410883");
            body.put("observedAt", day.plusMinutes(Math.round(hours * 60)).toString());
            body.put("symptoms", "头颈扭曲 (twisted necks)");
            body.put("samplesTaken", false);
            return body;
        }
    }

    private MortalityReports() {
    }

    static RequestSpecification as(String role, String subject) {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .header("Authorization", TestTokens.bearer(role, subject)).contentType("application/json");
    }

    static RequestSpecification as(String role) {
        return as(role, role + "-zhang");
    }

    static Response post(String role, Map<String, Object> body) {
        return as(role).body(body).when().post("/mortality-reports");
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
