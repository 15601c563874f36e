package cn.jiaozuo.biodiversity.common.messaging;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Turns the Kafka connection settings into client properties: one rule for the services
 * ({@link KafkaClientConfig}) and for {@link TopicSetup}, which the local stack runs on a class path of
 * only common and Kafka (no SmallRye Config there, hence plain Java).
 */
public final class KafkaClientProperties {

    private KafkaClientProperties() {
    }

    /**
     * Bootstrap servers and security. A SASL protocol without mechanism or JAAS line fails here, naming
     * the variable to set, rather than deep in the Kafka client.
     */
    public static Map<String, Object> of(String bootstrapServers, String securityProtocol, Optional<String> saslMechanism,
            Optional<String> saslJaasConfig, Optional<String> truststoreLocation, Optional<String> truststorePassword,
            Optional<String> truststoreType) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        String protocol = securityProtocol.trim().toUpperCase(Locale.ROOT);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (protocol.startsWith("SASL_")) {
            props.put(SaslConfigs.SASL_MECHANISM, saslMechanism.orElseThrow(() -> new IllegalStateException(
                    "kafka.security.protocol " + protocol + " needs kafka.sasl.mechanism (KAFKA_SASL_MECHANISM)")));
            props.put(SaslConfigs.SASL_JAAS_CONFIG, saslJaasConfig.orElseThrow(() -> new IllegalStateException(
                    "kafka.security.protocol " + protocol + " needs kafka.sasl.jaas.config (KAFKA_SASL_JAAS_CONFIG)")));
        }
        if (protocol.endsWith("SSL")) {
            // Without a trust store the JVM's default CAs apply, which never include Strimzi's cluster CA.
            truststoreLocation.ifPresent(v -> props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, v));
            truststorePassword.ifPresent(v -> props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, v));
            truststoreType.ifPresent(v -> props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, v));
        }
        return props;
    }

    /**
     * From environment variables with the names the services read ({@code KAFKA_BOOTSTRAP_SERVERS},
     * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG},
     * {@code KAFKA_SSL_TRUSTSTORE_LOCATION|PASSWORD|TYPE}).
     */
    public static Map<String, Object> fromEnvironment(Map<String, String> env, String defaultBootstrapServers) {
        return of(value(env, "KAFKA_BOOTSTRAP_SERVERS").orElse(defaultBootstrapServers),
                value(env, "KAFKA_SECURITY_PROTOCOL").orElse("PLAINTEXT"),
                value(env, "KAFKA_SASL_MECHANISM"), value(env, "KAFKA_SASL_JAAS_CONFIG"),
                value(env, "KAFKA_SSL_TRUSTSTORE_LOCATION"), value(env, "KAFKA_SSL_TRUSTSTORE_PASSWORD"),
                value(env, "KAFKA_SSL_TRUSTSTORE_TYPE"));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
