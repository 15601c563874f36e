package cn.jiaozuo.biodiversity.common.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;

/**
 * Connection and security settings shared by every Kafka client the services build themselves: the
 * outbox relay's producer, the idempotent consumers and their dead-letter producers, the alert stream
 * and the admin of {@link TopicSetup} (which runs outside Quarkus and reads the same variables through
 * {@link KafkaClientProperties#fromEnvironment}). The keys are Kafka's own under {@code kafka.}, which Quarkus' Kafka
 * readiness check reads as well, so one setting reaches both; production sets them as environment
 * variables ({@code KAFKA_SECURITY_PROTOCOL=SASL_SSL}, {@code KAFKA_SASL_MECHANISM=SCRAM-SHA-512},
 * {@code KAFKA_SASL_JAAS_CONFIG} from the Strimzi {@code KafkaUser} Secret, {@code KAFKA_SSL_TRUSTSTORE_*}
 * for the cluster CA). Unset, clients speak PLAINTEXT, as the local stack and the tests do.
 */
@ConfigMapping(prefix = "kafka")
public interface KafkaClientConfig {

    @WithName("bootstrap.servers")
    String bootstrapServers();

    /** PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
    @WithName("security.protocol")
    @WithDefault("PLAINTEXT")
    String securityProtocol();

    /** SCRAM-SHA-512 in production; required with a SASL protocol. */
    @WithName("sasl.mechanism")
    Optional<String> saslMechanism();

    /** The JAAS line with user and password (Strimzi's {@code KafkaUser} Secret, key {@code sasl.jaas.config}). */
    @WithName("sasl.jaas.config")
    Optional<String> saslJaasConfig();

    /** Trust store holding the cluster CA (Strimzi's {@code <cluster>-cluster-ca-cert}, {@code ca.p12}). */
    @WithName("ssl.truststore.location")
    Optional<String> sslTruststoreLocation();

    @WithName("ssl.truststore.password")
    Optional<String> sslTruststorePassword();

    @WithName("ssl.truststore.type")
    Optional<String> sslTruststoreType();

    /** The properties every client starts from: bootstrap servers and security ({@link KafkaClientProperties}). */
    default Map<String, Object> clientProperties() {
        return KafkaClientProperties.of(bootstrapServers(), securityProtocol(), saslMechanism(), saslJaasConfig(),
                sslTruststoreLocation(), sslTruststorePassword(), sslTruststoreType());
    }
}
