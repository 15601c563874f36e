package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.freshSquare;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.outlineBody;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.put;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.messaging.KafkaClientConfig;
import cn.jiaozuo.biodiversity.testsupport.InfrastructureTestResource;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.ScramKafkaUserResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * sampling-plot-service as in production: its Kafka clients authenticate with SCRAM-SHA-512 as user
 * {@code sampling-plot-service}, which holds exactly the ACLs of its KafkaUser in deploy/k8s/base/kafka-users.yaml.
 * The outbox relay publishes plots and outlines (topics plots and geography) through it; a missing ACL there fails
 * here. The test reads the topics through the unrestricted PLAINTEXT listener.
 */
@QuarkusTest
@TestProfile(KafkaScramAclTest.AsProductionKafkaUser.class)
class KafkaScramAclTest {

    static final String USER = "sampling-plot-service";

    /** Runs the service as Kafka user sampling-plot-service with the manifest's ACLs. */
    public static class AsProductionKafkaUser implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScramKafkaUserResource.class, Map.of("user", USER)));
        }
    }

    @Inject
    KafkaClientConfig kafka;

    @Test
    void plots_and_outlines_are_published_as_the_scram_user_and_readiness_sees_the_broker() {
        // The service's clients are on the SASL listener (otherwise this test would prove nothing).
        Map<String, Object> props = kafka.clientProperties();
        assertEquals(InfrastructureTestResource.kafkaSaslBootstrapServers(), props.get("bootstrap.servers"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);

        // Plot codes count per county in each test database while the broker outlives them: find the record by a
        // name no other run of this JVM used.
        Map<String, Object> plot = plotBody("410821");
        String name = (String) plot.get("name");
        String code = createPlot(plot);
        Map<String, Object> outline = outlineBody(freshSquare());
        put("/counties/410822/outline", outline).statusCode(200);
        String source = (String) outline.get("source");
        try (KafkaTestClient plain = KafkaTestClient.of(InfrastructureTestResource.kafkaBootstrapServers())) {
            assertEquals(1, plain.await(Topics.PLOTS, r -> code.equals(r.key()) && r.value().contains(name), 1,
                    Duration.ofSeconds(30)).size(),
                    "PlotUpserted reached topic plots");
            assertEquals(1, plain.await(Topics.GEOGRAPHY, r -> r.value().contains(source), 1, Duration.ofSeconds(30)).size(),
                    "AreaOutlined reached topic geography");
        }
    }

    @Test
    void the_user_cannot_write_the_other_services_topics() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        for (String topic : List.of(Topics.OBSERVATIONS, Topics.ALERTS, Topics.PATROLS)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                Throwable thrown = assertThrows(Exception.class,
                        () -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS));
                assertInstanceOf(TopicAuthorizationException.class, thrown instanceof ExecutionException ? thrown.getCause() : thrown,
                        "writing " + topic);
            }
        }
    }
}
