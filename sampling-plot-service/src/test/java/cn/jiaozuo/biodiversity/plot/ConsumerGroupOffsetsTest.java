package cn.jiaozuo.biodiversity.plot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.plot.messaging.StationActivityConsumer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The observations consumer's committed offset reaches the end of a partition after the outbox's
 * Kafka transactions, commit markers included, so operators reading the group's lag see zero.
 */
@QuarkusTest
class ConsumerGroupOffsetsTest {

    @Test
    void after_a_transaction_as_large_as_a_poll_the_group_has_committed_to_the_end() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        int pollSize = ConfigProvider.getConfig().getOptionalValue("biodiversity.consumer.max-poll-records", Integer.class)
                .orElse(500);
        String key = "410821:" + UUID.randomUUID();
        RecordMetadata last = null;
        // Exactly one poll's worth of records: the poll returns them all, and the commit marker after
        // them comes alone in the next poll, which returns no record.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "offsets-test-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < pollSize; i++) {
                // A ranger's sighting (no station): the station consumer reads it and passes over it.
                String envelope = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ObservationRecorded\","
                        + "\"source\":\"test\",\"data\":{\"stationId\":null}}";
                last = producer.send(new ProducerRecord<>(Topics.OBSERVATIONS, key, envelope)).get();
            }
            producer.commitTransaction();
        }
        TopicPartition partition = new TopicPartition(Topics.OBSERVATIONS, last.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).partitionResult(partition).get().offset();
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(StationActivityConsumer.GROUP_ID)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                assertNotNull(committed, "the group has committed on the partition");
                assertEquals(end, committed.offset(), "committed offset vs end of partition (after the marker)");
            });
        }
    }
}
