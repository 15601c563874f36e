package cn.jiaozuo.biodiversity.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service under test its real infrastructure: a fresh PostgreSQL database, a Kafka broker
 * in the JVM, and the test token issuer. Both live for the whole test JVM (one per module run) and
 * are removed when it exits. Attach it once per module:
 * {@code @QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "observation"))}.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    // The broker's addresses, JVM-wide: each Quarkus restart (a test profile) loads this class again, so a
    // static field alone would start a broker per restart, and two brokers in one JVM share Kafka's static
    // SASL login state (the second one's SCRAM users are checked against the first one's credentials).
    private static final String KAFKA_PLAIN = "biodiversity.test.kafka.bootstrap-servers";
    private static final String KAFKA_SASL = "biodiversity.test.kafka.sasl-bootstrap-servers";
    private static TestDatabase database;
    private String databasePrefix = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
    }

    @Override
    public Map<String, String> start() {
        synchronized (InfrastructureTestResource.class) {
            String bootstrap = kafkaBootstrapServers();
            try {
                if (database == null) {
                    database = TestDatabase.create(databasePrefix);
                    Runtime.getRuntime().addShutdownHook(new Thread(database::close));
                }
            } catch (Exception e) {
                throw new IllegalStateException("Test infrastructure did not start: " + e.getMessage(), e);
            }
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
            config.put("quarkus.datasource.username", database.user());
            config.put("quarkus.datasource.password", database.password());
            config.put("kafka.bootstrap.servers", bootstrap);
            config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
            config.put("mp.jwt.verify.publickey.location", TestTokens.PUBLIC_KEY_LOCATION);
            return config;
        }
    }

    /** PLAINTEXT listener of the test JVM's broker (anonymous, unrestricted), started on first use. */
    public static String kafkaBootstrapServers() {
        return broker(KAFKA_PLAIN);
    }

    /** SASL_PLAINTEXT listener of the same broker: SCRAM-SHA-512 users held to their ACLs. */
    public static String kafkaSaslBootstrapServers() {
        return broker(KAFKA_SASL);
    }

    private static String broker(String listener) {
        synchronized (System.getProperties()) { // one lock for every class loader of the JVM
            if (System.getProperty(KAFKA_PLAIN) == null) {
                try {
                    TestKafkaBroker broker = TestKafkaBroker.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
                    System.setProperty(KAFKA_SASL, broker.saslBootstrapServers());
                    System.setProperty(KAFKA_PLAIN, broker.bootstrapServers());
                } catch (Exception e) {
                    throw new IllegalStateException("Test Kafka broker did not start: " + e.getMessage(), e);
                }
            }
            return System.getProperty(listener);
        }
    }

    @Override
    public void stop() {
        // Kept for the rest of the JVM: several Quarkus test profiles may start again.
    }
}
