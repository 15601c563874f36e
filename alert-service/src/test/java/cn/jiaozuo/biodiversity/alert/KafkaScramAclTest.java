package cn.jiaozuo.biodiversity.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.messaging.KafkaClientConfig;
import cn.jiaozuo.biodiversity.testsupport.InfrastructureTestResource;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.ScramKafkaUserResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * alert-service as in production: its Kafka clients (common's consumer loop and dead-letter producer, the
 * outbox relay's transactional producer, the alert stream and Quarkus' readiness check) authenticate with
 * SCRAM-SHA-512 as user {@code alert-service}, which holds exactly the ACLs of its KafkaUser in
 * deploy/k8s/base/kafka-users.yaml (read from the manifest), on the test broker's SASL listener. A missing
 * ACL there fails here; so would a client that ignored the security settings. The test reads and writes
 * topics itself through the unrestricted PLAINTEXT listener.
 */
@QuarkusTest
@TestProfile(KafkaScramAclTest.AsProductionKafkaUser.class)
class KafkaScramAclTest {

    static final String USER = "alert-service";

    /** Runs the service as Kafka user alert-service with the manifest's ACLs. */
    public static class AsProductionKafkaUser implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScramKafkaUserResource.class, Map.of("user", USER)));
        }
    }

    @Inject
    KafkaClientConfig kafka;

    @Inject
    ObjectMapper json;

    KafkaTestClient plain;

    @BeforeEach
    void connect() {
        plain = KafkaTestClient.of(InfrastructureTestResource.kafkaBootstrapServers());
    }

    @AfterEach
    void close() {
        plain.close();
    }

    @Test
    void the_service_consumes_and_publishes_as_its_scram_user_within_its_acls() throws Exception {
        // The service's clients are on the SASL listener (otherwise this test would prove nothing).
        Map<String, Object> props = kafka.clientProperties();
        assertEquals(InfrastructureTestResource.kafkaSaslBootstrapServers(), props.get("bootstrap.servers"));
        assertEquals("SASL_PLAINTEXT", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));

        // Readiness (Quarkus' admin client, same settings) sees the broker.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);

        // An invasive species observed: the consumer (group alert-service, Read observations) applies it and
        // the outbox relay (transactional id alert-service-outbox-<host>, Write alerts) publishes the alert.
        SpeciesSnapshot species = ObservationEvents.invasive(ObservationEvents.newSpeciesId());
        ObservationSnapshot observation = ObservationEvents.observation(species, ObservationEvents.JIEFANG);
        plain.send(Topics.OBSERVATIONS, observation.key(), json.writeValueAsString(
                EventEnvelope.of(EventTypes.OBSERVATION_RECORDED, "observation-service", observation)));

        assertEquals(1, plain.await(Topics.ALERTS, r -> r.value().contains("\"speciesId\":" + species.id()), 1,
                Duration.ofSeconds(30)).size(), "the alert reached topic alerts");
    }

    @Test
    void an_event_it_cannot_apply_goes_to_the_dead_letter_topic_without_any_cluster_permission() {
        // The dead-letter producer is idempotent: on Kafka 4 Write on the topic is enough (no IdempotentWrite).
        String key = "scram-dlq-" + UUID.randomUUID();
        plain.send(Topics.OBSERVATIONS, key, "not an event envelope");

        assertEquals(1, plain.await(Topics.OBSERVATIONS_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(30)).size());
    }

    @Test
    void it_reads_patrols_and_dead_letters_them_within_its_acls() {
        // Group alert-service-patrols (prefix alert-service), Read patrols, Write patrols.dlq.
        String key = "scram-patrol-dlq-" + UUID.randomUUID();
        plain.send(Topics.PATROLS, key, "not an event envelope");

        assertEquals(1, plain.await(Topics.PATROLS_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(30)).size());
    }

    @Test
    void the_user_is_held_to_its_acls_and_its_password() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);

        // Topics of other services are out of bounds: plots belongs to sampling-plot-service.
        assertInstanceOf(TopicAuthorizationException.class, sendFails(props, Topics.PLOTS));
        // Neither can it publish to the agencies' topic.
        assertInstanceOf(TopicAuthorizationException.class, sendFails(props, Topics.OBSERVATIONS_PUBLIC));

        // And the password is checked: the same user with another one is refused.
        props.put(SaslConfigs.SASL_JAAS_CONFIG, ScramKafkaUserResource.jaas(USER, ScramKafkaUserResource.password(USER) + "-wrong"));
        assertInstanceOf(SaslAuthenticationException.class, sendFails(props, Topics.ALERTS));
    }

    private static Throwable sendFails(Map<String, Object> props, String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            Throwable thrown = assertThrows(Exception.class,
                    () -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS));
            return thrown instanceof ExecutionException ? thrown.getCause() : thrown;
        }
    }
}
