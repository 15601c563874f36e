package cn.jiaozuo.biodiversity.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every service promises before any feature: health with database and Kafka, metrics,
 * OpenAPI and Swagger UI, problem+json for unknown paths, and an outbox that reaches the real
 * broker. Each module runs it with an empty {@code @QuarkusTest class FoundationTest extends
 * ServiceFoundationSpec}.
 */
public abstract class ServiceFoundationSpec {

    @Inject
    Outbox outbox;

    @Test
    void liveness_is_up() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readiness_checks_the_database_and_kafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void metrics_are_exposed_for_prometheus() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openapi_and_swagger_ui_are_served() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", not(equalTo(null)));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        given().when().get("/no-such-resource-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not Found"));
    }

    @Test
    void an_outbox_row_committed_in_a_transaction_reaches_the_broker_once() {
        String marker = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(TestKafkaBroker.ROUND_TRIP_TOPIC, marker,
                "FoundationChecked", Map.of("marker", marker)));
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            var records = kafka.awaitExactly(TestKafkaBroker.ROUND_TRIP_TOPIC, r -> marker.equals(r.key()), 1,
                    Duration.ofSeconds(20), Duration.ofSeconds(1));
            assertEquals(1, records.size(), "the event is published exactly once");
            assertEquals("FoundationChecked", new String(records.get(0).headers().lastHeader("eventType").value()));
        }
    }

    @Test
    void an_outbox_row_is_not_published_when_its_transaction_rolls_back() {
        String marker = UUID.randomUUID().toString();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(TestKafkaBroker.ROUND_TRIP_TOPIC, marker, "FoundationChecked", Map.of("marker", marker));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the business change failed, so its event must not exist
        }
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(0, kafka.await(TestKafkaBroker.ROUND_TRIP_TOPIC, r -> marker.equals(r.key()), 1,
                    Duration.ofSeconds(2)).size());
        }
    }
}
