package cn.jiaozuo.biodiversity.testsupport;

import cn.jiaozuo.biodiversity.common.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and writes the test broker's topics directly. Reads scan a topic from the beginning
 * (no consumer group), so tests find their own records by unique data, whatever ran before.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private KafkaProducer<String, String> producer;

    private KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A client for the broker the running Quarkus test application uses. */
    public static KafkaTestClient create() {
        return new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** A client of the given (PLAINTEXT, unrestricted) listener. */
    public static KafkaTestClient of(String bootstrapServers) {
        return new KafkaTestClient(bootstrapServers);
    }

    /**
     * Polls {@code topic} until {@code count} records match or the deadline passes; returns the
     * matches found (fewer than {@code count} when the deadline passed).
     */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The records matching {@code match} that are on {@code topic} by the time the first record matching
     * {@code sentinel} is: waits for the sentinel, then reads every partition to its end. The test causes the
     * sentinel after its action, through the same path (the same outbox relay, or the same consumer partition),
     * so whatever the action published is on the topic before it: "none" or "exactly n" is then proven against
     * a working pipeline, where waiting a fixed time would pass with a dead one too. Fails when the sentinel
     * does not come within {@code timeout}.
     */
    public List<ConsumerRecord<String, String>> beforeSentinel(String topic, Predicate<ConsumerRecord<String, String>> sentinel,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
            // read_committed: the end offsets once the sentinel is seen cover every transaction committed before it.
            Map<TopicPartition, Long> ends = null;
            while (ends == null || !atEnd(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(ends == null ? "No sentinel on " + topic + " within " + timeout
                            : topic + " not read to its end within " + timeout);
                }
                boolean sentinelSeen = false;
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (sentinel.test(record)) {
                        sentinelSeen = true;
                    } else if (match.test(record)) {
                        found.add(record);
                    }
                }
                if (sentinelSeen && ends == null) {
                    ends = consumer.endOffsets(consumer.assignment());
                }
            }
        }
        return found;
    }

    private static boolean atEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    public void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Test send to " + topic + " failed", e);
        }
    }

    /** A reader of every partition of {@code topic} from its first record, without a consumer group. */
    private KafkaConsumer<String, String> fromTheBeginning(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, Topics.ISOLATION_LEVEL,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
