package cn.jiaozuo.biodiversity.e2e.bench;

import cn.jiaozuo.biodiversity.common.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code POST /observations} → event on the {@code alerts} topic. Invasive sightings (福寿螺) in one county, one
 * every 100 ms, each with a later observedAt: every alert event then names the newest sighting as lastObservedAt,
 * which identifies it.
 */
record AlertLatencyBenchmark(BenchConfig config, Report report, LoadGenerator load) {

    /** Percentiles in milliseconds; p99 is {@link Double#MAX_VALUE} when not every sighting's alert was seen. */
    record Latency(double p50, double p99) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    Latency run() throws Exception {
        int count = 100;
        Map<Instant, Long> posted = new ConcurrentHashMap<>();
        Map<Instant, Long> alerted = new ConcurrentHashMap<>();
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafka(), ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, Topics.ISOLATION_LEVEL),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            for (int i = 0; i < count; i++) {
                OffsetDateTime observedAt = base.plusSeconds(i);
                scheduler.schedule(() -> {
                    posted.put(observedAt.toInstant(), System.nanoTime());
                    return load.http.send(load.post("/observations", load.rangerToken,
                            LoadGenerator.sighting("Pomacea canaliculata", "410804", observedAt)), HttpResponse.BodyHandlers.discarding());
                }, i * 100L, TimeUnit.MILLISECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(count / 10 + 30);
            while (alerted.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    JsonNode data = JSON.readTree(record.value()).path("data");
                    if ("410804".equals(data.path("countyCode").asText()) && data.hasNonNull("lastObservedAt")) {
                        alerted.putIfAbsent(OffsetDateTime.parse(data.get("lastObservedAt").asText()).toInstant(), now);
                    }
                }
            }
            scheduler.shutdown();
        }
        double[] latencies = posted.entrySet().stream().filter(e -> alerted.containsKey(e.getKey()))
                .mapToDouble(e -> (alerted.get(e.getKey()) - e.getValue()) / 1e6).sorted().toArray();
        report.line("- `POST /observations` → event on `alerts` (" + latencies.length + " of " + count + " seen): p50 "
                + Report.ms(Report.percentile(latencies, 50)) + ", p99 " + Report.ms(Report.percentile(latencies, 99)));
        return new Latency(Report.percentile(latencies, 50),
                latencies.length == count ? Report.percentile(latencies, 99) : Double.MAX_VALUE);
    }
}
