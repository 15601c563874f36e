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

    private static TestKafkaBroker broker;
    private static TestDatabase database;
    private String databasePrefix = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
    }

    @Override
    public Map<String, String> start() {
        synchronized (InfrastructureTestResource.class) {
            try {
                kafkaBroker();
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
            config.put("kafka.bootstrap.servers", broker.bootstrapServers());
            config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
            config.put("mp.jwt.verify.publickey.location", TestTokens.PUBLIC_KEY_LOCATION);
            return config;
        }
    }

    /** The broker of this test JVM, started on first use (also by resources of a test profile). */
    public static synchronized TestKafkaBroker kafkaBroker() {
        if (broker == null) {
            try {
                broker = TestKafkaBroker.start();
            } catch (Exception e) {
                throw new IllegalStateException("Test Kafka broker did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        }
        return broker;
    }

    @Override
    public void stop() {
        // Kept for the rest of the JVM: several Quarkus test profiles may start again.
    }
}
