package cn.jiaozuo.biodiversity.common.messaging;

import cn.jiaozuo.biodiversity.common.events.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the topics of {@link Topics#ALL} that do not exist yet. Used by the local stack
 * ({@code java … TopicSetup host:port}) and by the test broker, so both have the same topics.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    public static void createAll(Admin admin, short replicationFactor) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            if (!existing.contains(spec.name())) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), replicationFactor);
                if (spec.compacted()) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                missing.add(topic);
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code java … TopicSetup [host:port]}: the argument wins over {@code KAFKA_BOOTSTRAP_SERVERS}; security
     * settings come from the same environment variables the services read ({@link KafkaClientProperties}).
     */
    public static void main(String[] args) throws Exception {
        Map<String, Object> props = new HashMap<>(KafkaClientProperties.fromEnvironment(System.getenv(), "127.0.0.1:9092"));
        if (args.length > 0) {
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        }
        try (Admin admin = Admin.create(props)) {
            createAll(admin, (short) 1);
        }
        System.out.println("Topics ready: " + Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
    }
}
