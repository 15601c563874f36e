package cn.jiaozuo.biodiversity.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service promises before any feature: health with database and Kafka, metrics,
 * OpenAPI (its document kept for the linter) and Swagger UI, problem+json for unknown paths, and an
 * outbox that reaches the real broker. Each module runs it with an empty {@code @QuarkusTest class
 * FoundationTest extends ServiceFoundationSpec}.
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

    /**
     * Also writes the document as served to target/openapi/&lt;service&gt;.json, where deploy/openapi/lint reads
     * it (the test command runs the linter after the module tests).
     */
    @Test
    void openapi_and_swagger_ui_are_served() throws IOException {
        String document = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", equalTo("3.1.0")).extract().asString();
        Path file = Path.of("target", "openapi",
                ConfigProvider.getConfig().getValue("quarkus.application.name", String.class) + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, document);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * The shared parts of the contract (common's OpenAPI filters): every operation has an id and declares its
     * security (an empty list when public), and every error response it documents is a problem+json Problem.
     */
    @Test
    void every_operation_has_an_id_declared_security_and_problem_errors() throws IOException {
        JsonNode api = new ObjectMapper().readTree(given().accept("application/json").when()
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Set<String> ids = new HashSet<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String where = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            assertTrue(ids.add(operation.path("operationId").asText("")) && operation.has("operationId"),
                    where + " has an operationId of its own");
            assertTrue(operation.path("security").isArray(), where + " declares its security");
            boolean secured = !operation.path("security").isEmpty();
            assertTrue(!secured || operation.path("responses").has("401"), where + " needs a token, so documents 401");
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().charAt(0) >= '4') {
                    JsonNode resolved = response.getValue().has("$ref")
                            ? api.at(response.getValue().get("$ref").asText().substring(1)) : response.getValue();
                    assertEquals("#/components/schemas/Problem", resolved.path("content").path(Problem.MEDIA_TYPE)
                            .path("schema").path("$ref").asText(), where + " " + response.getKey() + " is a Problem");
                }
            });
        }));
    }

    /**
     * The shared 406 in practice: a public GET that needs no parameter, asked for XML, answers the documented problem
     * (the contract filter checks the answer against the operation's 406).
     */
    @Test
    void a_request_that_accepts_no_json_gets_the_documented_406_problem() throws IOException {
        JsonNode api = new ObjectMapper().readTree(given().accept("application/json").when()
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        String path = null;
        for (var it = api.path("paths").fields(); it.hasNext() && path == null; ) {
            var entry = it.next();
            JsonNode get = entry.getValue().path("get");
            if (!entry.getKey().contains("{") && get.path("security").isArray() && get.path("security").isEmpty()
                    && get.path("parameters").findValues("required").stream().noneMatch(JsonNode::asBoolean)
                    && get.path("responses").path("200").path("content").has("application/json")) {
                path = entry.getKey();
            }
        }
        assertTrue(path != null, "the service has a public GET that needs no parameter");
        given().accept("application/xml").when().get(path).then().statusCode(406)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(406));
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        given().when().get("/no-such-resource-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not Found"));
    }

    @Test
    void an_outbox_row_committed_in_a_transaction_reaches_the_broker_once() {
        String marker = commitEvent(UUID.randomUUID().toString());
        String sentinel = commitEvent("sentinel-" + UUID.randomUUID());
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            var records = kafka.beforeSentinel(TestKafkaBroker.ROUND_TRIP_TOPIC, r -> sentinel.equals(r.key()),
                    r -> marker.equals(r.key()), Duration.ofSeconds(20));
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
        String sentinel = commitEvent("sentinel-" + UUID.randomUUID());
        try (KafkaTestClient kafka = KafkaTestClient.create()) {
            assertEquals(0, kafka.beforeSentinel(TestKafkaBroker.ROUND_TRIP_TOPIC, r -> sentinel.equals(r.key()),
                    r -> marker.equals(r.key()), Duration.ofSeconds(20)).size());
        }
    }

    /**
     * Commits an outbox row with this key; returns the key. The relay publishes in commit order, so a row committed
     * after the test's own serves as its sentinel.
     */
    private String commitEvent(String key) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(TestKafkaBroker.ROUND_TRIP_TOPIC, key,
                "FoundationChecked", Map.of("marker", key)));
        return key;
    }
}
