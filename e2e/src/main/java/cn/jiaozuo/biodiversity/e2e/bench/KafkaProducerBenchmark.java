package cn.jiaozuo.biodiversity.e2e.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Raw baseline: a Kafka producer, 1 KB records, {@code acks=all}, idempotent, on topic {@code bench.producer}:
 * records per second, then one-at-a-time send→ack latency.
 */
record KafkaProducerBenchmark(BenchConfig config, Report report) {

    Throughput run() throws Exception {
        String topic = "bench.producer";
        try (var admin = Admin.create(Map.of("bootstrap.servers", config.kafka()))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            }
        }
        String value = "x".repeat(1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafka(), ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new StringSerializer())) {
            int count = 50_000;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i % 64), value));
            }
            producer.flush();
            double rate = count / ((System.nanoTime() - start) / 1e9);
            double[] latencies = new double[2000];
            for (int i = 0; i < latencies.length; i++) {
                long t = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, Integer.toString(i % 64), value)).get();
                latencies[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(latencies);
            report.line("- Kafka producer, 1 KB records, acks=all, idempotent: **" + Report.fmt(rate)
                    + " records/s**; one at a time send→ack p50 " + Report.ms(Report.percentile(latencies, 50)) + ", p99 "
                    + Report.ms(Report.percentile(latencies, 99)));
            return new Throughput(rate, Report.percentile(latencies, 50), Report.percentile(latencies, 99));
        }
    }
}
