package cn.jiaozuo.biodiversity.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the service under test as a production Kafka user: creates SCRAM-SHA-512 user {@code user} (init argument) on
 * the test broker with exactly the ACLs of its KafkaUser in deploy/k8s/base/kafka-users.yaml ({@link StrimziKafkaUsers})
 * and points the service's Kafka clients at the broker's SASL listener as that user. A test profile adds it:
 * {@code new TestResourceEntry(ScramKafkaUserResource.class, Map.of("user", "alert-service"))}. The test itself reads
 * and writes topics through the unrestricted PLAINTEXT listener ({@link InfrastructureTestResource#kafkaBootstrapServers}).
 */
public class ScramKafkaUserResource implements QuarkusTestResourceLifecycleManager {

    private String user;

    /**
     * The user's password. A value derived from the name, not a random one: the resource and the test see this class
     * through different class loaders, and a password drawn in each would differ (the test broker is the JVM's own).
     */
    public static String password(String user) {
        return user + "-test-scram-password";
    }

    /** The JAAS line of the SCRAM login module, as a service reads it from KAFKA_SASL_JAAS_CONFIG. */
    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public void init(Map<String, String> initArgs) {
        user = initArgs.get("user");
        if (user == null) {
            throw new IllegalArgumentException("ScramKafkaUserResource needs init argument user");
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            TestKafkaBroker.createScramUser(InfrastructureTestResource.kafkaBootstrapServers(), user, password(user),
                    StrimziKafkaUsers.acls(user));
            return Map.of(
                    "kafka.bootstrap.servers", InfrastructureTestResource.kafkaSaslBootstrapServers(),
                    "kafka.security.protocol", "SASL_PLAINTEXT",
                    "kafka.sasl.mechanism", "SCRAM-SHA-512",
                    "kafka.sasl.jaas.config", jaas(user, password(user)));
        } catch (Exception e) {
            throw new IllegalStateException("SCRAM user " + user + " not created", e);
        }
    }

    @Override
    public void stop() {
    }

    /** After the shared infrastructure, so its SASL bootstrap servers replace the PLAINTEXT ones. */
    @Override
    public int order() {
        return 1000;
    }
}
