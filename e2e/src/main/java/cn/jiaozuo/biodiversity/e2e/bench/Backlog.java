package cn.jiaozuo.biodiversity.e2e.bench;

import cn.jiaozuo.biodiversity.common.events.Topics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What one phase leaves behind (outbox rows, unconsumed events) that the next would otherwise be billed
 * for: every phase starts on a drained system.
 */
record Backlog(BenchConfig config, Report report) {

    /**
     * Waits until both outboxes are empty and every consumer group has read the observations topic
     * to its end, and reports how long the backlog took to drain; returns those seconds.
     */
    double awaitDrained() throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(3);
        String jdbc = config.jdbc();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka()))) {
            while (System.nanoTime() < deadline) {
                if (outboxRows(jdbc) == 0 && outboxRows(jdbc.replace("biodiversity_observation", "biodiversity_alerts")) == 0
                        && consumerLag(admin) == 0) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (seconds >= 1) {
                        report.line("- (backlog of the previous phase drained in " + Report.fmt(seconds) + " s)");
                    }
                    return seconds;
                }
                Thread.sleep(200); // polling an external system's state, not synchronising threads
            }
        }
        report.line("- (backlog of the previous phase not drained after 3 min)");
        return (System.nanoTime() - start) / 1e9;
    }

    private static long outboxRows(String jdbc) throws Exception {
        try (Connection c = BenchConfig.connect(jdbc);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Records of the observations topic not yet consumed by the consumer groups that read it (every group with an
     * offset on it: alert-service, sampling-plot-service, bulletin-service's read model, and any added later).
     */
    private static long consumerLag(Admin admin) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.OBSERVATIONS)).allTopicNames().get()
                .get(Topics.OBSERVATIONS).partitions().stream().map(p -> new TopicPartition(Topics.OBSERVATIONS, p.partition()))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        long lag = 0;
        for (var listing : admin.listConsumerGroups().all().get()) {
            var committed = admin.listConsumerGroupOffsets(listing.groupId()).partitionsToOffsetAndMetadata().get();
            if (partitions.stream().noneMatch(committed::containsKey)) {
                continue; // a group of another topic
            }
            for (TopicPartition p : partitions) {
                var offset = committed.get(p);
                lag += ends.get(p).offset() - (offset == null ? 0 : offset.offset());
            }
        }
        return lag;
    }
}
