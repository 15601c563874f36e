package cn.jiaozuo.biodiversity.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiaozuo.biodiversity.common.messaging.KafkaClientConfig;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.config.SmallRyeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A service on Kafka as in production: its clients (outbox relay, consumers, readiness) authenticate with SCRAM-SHA-512
 * as its own user, which holds exactly the ACLs of its KafkaUser in deploy/k8s/base/kafka-users.yaml
 * ({@link ScramKafkaUserResource}). Each module runs it as
 * {@code @QuarkusTest @TestProfile(KafkaScramAclTest.AsProductionKafkaUser.class) class KafkaScramAclTest extends
 * ScramKafkaUserSpec}, its profile extending {@link AsUser}, and adds tests of what its ACLs allow (publishing,
 * consuming, dead letters) through the unrestricted PLAINTEXT listener ({@link #plain()}): a missing ACL fails there.
 */
public abstract class ScramKafkaUserSpec {

    /** The test profile: the service runs as Kafka user {@link #user()}. */
    public abstract static class AsUser implements QuarkusTestProfile {

        protected abstract String user();

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScramKafkaUserResource.class, Map.of("user", user())));
        }
    }

    /** The service's Kafka user, as the class's {@code @TestProfile} (an {@link AsUser}) names it. */
    protected String user() {
        TestProfile profile = getClass().getAnnotation(TestProfile.class);
        try {
            return ((AsUser) profile.value().getDeclaredConstructor().newInstance()).user();
        } catch (ReflectiveOperationException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException(getClass() + " needs @TestProfile with a profile extending AsUser", e);
        }
    }

    /** Topics the service must not write: other services'. */
    protected abstract List<String> foreignTopics();

    /** A client on the PLAINTEXT listener, to feed and read the topics; close it. */
    protected static KafkaTestClient plain() {
        return KafkaTestClient.of(InfrastructureTestResource.kafkaBootstrapServers());
    }

    private static Map<String, Object> serviceClientProperties() {
        return new HashMap<>(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(KafkaClientConfig.class)
                .clientProperties());
    }

    @Test
    void the_clients_use_the_sasl_listener_and_readiness_sees_the_broker() {
        // Otherwise the module's tests of its ACLs would prove nothing.
        Map<String, Object> props = serviceClientProperties();
        assertEquals(InfrastructureTestResource.kafkaSaslBootstrapServers(), props.get("bootstrap.servers"));
        assertEquals("SASL_PLAINTEXT", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        // Readiness (Quarkus' admin client, same settings) sees the broker.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void the_user_is_held_to_its_acls_and_its_password() {
        Map<String, Object> props = serviceClientProperties();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        for (String topic : foreignTopics()) {
            assertInstanceOf(TopicAuthorizationException.class, sendFails(props, topic), "writing " + topic);
        }
        // The same user with another password is refused.
        props.put(SaslConfigs.SASL_JAAS_CONFIG, ScramKafkaUserResource.jaas(user(), ScramKafkaUserResource.password(user()) + "-wrong"));
        assertInstanceOf(SaslAuthenticationException.class, sendFails(props, foreignTopics().get(0)));
    }

    private static Throwable sendFails(Map<String, Object> props, String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            Throwable thrown = assertThrows(Exception.class,
                    () -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS));
            return thrown instanceof ExecutionException ? thrown.getCause() : thrown;
        }
    }
}
