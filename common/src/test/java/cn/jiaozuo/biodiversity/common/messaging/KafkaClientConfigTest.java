package cn.jiaozuo.biodiversity.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client properties every hand-built Kafka client starts from, as production's environment sets them. */
class KafkaClientConfigTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"observation-service\" password=\"s3cret\";";

    /** The mapping as the services see it, fed by environment variables (names as in the k8s Deployments). */
    private static KafkaClientConfig fromEnv(Map<String, String> env) {
        return new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(env, 300))
                .withMapping(KafkaClientConfig.class)
                .build()
                .getConfigMapping(KafkaClientConfig.class);
    }

    @Test
    void production_environment_gives_sasl_ssl_with_scram_and_the_cluster_ca() {
        Map<String, Object> props = fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "biodiversity-kafka-kafka-bootstrap:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "ca-pass",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12")).clientProperties();

        assertEquals(Map.of(
                "bootstrap.servers", "biodiversity-kafka-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/kafka-ca/ca.p12",
                "ssl.truststore.password", "ca-pass",
                "ssl.truststore.type", "PKCS12"), props);
    }

    @Test
    void without_security_settings_clients_speak_plaintext() {
        Map<String, Object> props = fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")).clientProperties();

        assertEquals(Map.of("bootstrap.servers", "127.0.0.1:9092", "security.protocol", "PLAINTEXT"), props);
    }

    @Test
    void trust_store_settings_are_left_out_of_a_connection_without_tls() {
        Map<String, Object> props = fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12")).clientProperties();

        assertEquals("SASL_PLAINTEXT", props.get("security.protocol"));
        assertEquals(JAAS, props.get("sasl.jaas.config"));
        assertFalse(props.containsKey("ssl.truststore.location"));
    }

    @Test
    void sasl_without_credentials_fails_naming_the_variable() {
        KafkaClientConfig config = fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"));

        IllegalStateException e = assertThrows(IllegalStateException.class, config::clientProperties);
        assertTrue(e.getMessage().contains("KAFKA_SASL_JAAS_CONFIG"), e.getMessage());
    }

    @Test
    void topic_setup_outside_quarkus_reads_the_same_variables() {
        Map<String, String> env = Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "ca-pass",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        Map<String, String> withBootstrap = new java.util.HashMap<>(env);
        withBootstrap.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9093");

        assertEquals(fromEnv(withBootstrap).clientProperties(), KafkaClientProperties.fromEnvironment(env, "kafka:9093"));
        assertEquals(Map.of("bootstrap.servers", "127.0.0.1:9092", "security.protocol", "PLAINTEXT"),
                KafkaClientProperties.fromEnvironment(Map.of(), "127.0.0.1:9092"));
    }
}
