package cn.jiaozuo.biodiversity.e2e.faults;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.OBSERVATIONS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.SERVICES;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.stack;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import cn.jiaozuo.biodiversity.e2e.Sightings;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops: writes answer 503 problem+json (nothing half-stored), readiness goes DOWN, and
 * each service recovers by itself when the database is back.
 */
class DatabaseOutageIT {

    @Test
    void a_database_outage_is_a_503_and_the_services_recover_alone() {
        Map<String, Object> sighting = Sightings.sighting(Sightings.ARDEA_CINEREA, "410811");
        stack("stop", "postgresql");
        try {
            as("ranger", OBSERVATIONS).body(sighting).post("/observations").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue());
            for (String service : SERVICES) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                        .until(() -> given().baseUri(service).get("/q/health/ready").statusCode() == 503);
            }
        } finally {
            stack("start", "postgresql");
        }
        for (String service : SERVICES) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> given().baseUri(service).get("/q/health/ready").statusCode() == 200);
        }
        // The refused write was not stored: the same uuid is new now.
        as("ranger", OBSERVATIONS).body(sighting).post("/observations").then().statusCode(201)
                .body("uuid", equalTo(sighting.get("uuid")));
    }
}
