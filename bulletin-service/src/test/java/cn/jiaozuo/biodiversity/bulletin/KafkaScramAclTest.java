package cn.jiaozuo.biodiversity.bulletin;

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
import jakarta.persistence.EntityManager;
import java.util.UUID;
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
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * bulletin-service as in production: its Kafka clients (the consumers of its read model, their dead-letter producer,
 * the outbox relay and Quarkus' readiness check) authenticate with SCRAM-SHA-512 as user {@code bulletin-service},
 * which holds exactly the ACLs of its KafkaUser in deploy/k8s/base/kafka-users.yaml: Read on observations, alerts,
 * patrols and plots with the group prefix bulletin-service, Write on their .dlq. A missing ACL there fails here. The
 * test reads and writes the topics through the unrestricted PLAINTEXT listener.
 */
@QuarkusTest
@TestProfile(KafkaScramAclTest.AsProductionKafkaUser.class)
class KafkaScramAclTest {

    static final String USER = "bulletin-service";

    /** Runs the service as Kafka user bulletin-service with the manifest's ACLs. */
    public static class AsProductionKafkaUser implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScramKafkaUserResource.class, Map.of("user", USER)));
        }
    }

    @Inject
    KafkaClientConfig kafka;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Test
    void the_read_model_consumes_all_four_topics_as_the_scram_user_and_dead_letters_poison() {
        Map<String, Object> props = kafka.clientProperties();
        assertEquals(InfrastructureTestResource.kafkaSaslBootstrapServers(), props.get("bootstrap.servers"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);

        try (TestEvents events = new TestEvents(json, em, KafkaTestClient.of(InfrastructureTestResource.kafkaBootstrapServers()))) {
            var species = TestEvents.species(TestEvents.speciesId(), "Acl species", "权限", "NONE", false, false);
            events.observation(species, "410821", TestEvents.month(), 1, "VERIFIED");
            events.alert("INVASIVE_SPECIES", "HIGH", "410821", TestEvents.month());
            events.patrol("410821", TestEvents.month(), 1.0, 1.0);
            events.plot("410821-ACL" + UUID.randomUUID().toString().substring(0, 8), "410821");
            events.awaitApplied();
        }
        String key = "poison-" + UUID.randomUUID();
        try (KafkaTestClient plain = KafkaTestClient.of(InfrastructureTestResource.kafkaBootstrapServers())) {
            plain.send(Topics.ALERTS, key, "{not an envelope");
            assertEquals(1, plain.await(Topics.ALERTS_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(60)).size(),
                    "the unreadable alert went to alerts.dlq");
        }
    }

    @Test
    void the_user_cannot_write_the_other_services_topics() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        for (String topic : List.of(Topics.OBSERVATIONS, Topics.ALERTS, Topics.PLOTS, Topics.PATROLS)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                Throwable thrown = assertThrows(Exception.class,
                        () -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS));
                assertInstanceOf(TopicAuthorizationException.class, thrown instanceof ExecutionException ? thrown.getCause() : thrown,
                        "writing " + topic);
            }
        }
    }
}
