package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * W3C trace context crosses the services with the events: the consumer continues the trace of the
 * observation record it applies, the outbox row it writes keeps it, and the relay puts it on the
 * alert record as header {@code traceparent}. (Tracing is configured off here, as in tests and the
 * local stack: the context is still carried, no spans are exported.)
 */
@QuarkusTest
class TracePropagationTest extends ObservationEventsFixture {

    KafkaProducer<String, String> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }

    private void sendRecorded(ObservationSnapshot o, String traceparent) throws Exception {
        EventEnvelope<ObservationSnapshot> envelope = EventEnvelope.of(EventTypes.OBSERVATION_RECORDED,
                "observation-service", o);
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.OBSERVATIONS, o.key(),
                json.writeValueAsString(envelope));
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    private ConsumerRecord<String, String> awaitAlertRecord(SpeciesSnapshot species) {
        List<ConsumerRecord<String, String>> raised = events.kafka().await(Topics.ALERTS,
                r -> r.value().contains("\"speciesId\":" + species.id()), 1, Duration.ofSeconds(15));
        assertEquals(1, raised.size(), "an alert record for species " + species.id());
        return raised.get(0);
    }

    @Test
    void an_alert_raised_by_a_traced_observation_event_carries_the_same_trace_id_on_topic_alerts() throws Exception {
        // Given an observation event published within trace T (as observation-service's relay does)
        String traceId = randomHex(16);
        String traceparent = "00-" + traceId + "-" + randomHex(8) + "-01";
        SpeciesSnapshot species = invasive(newSpeciesId());

        // When alert-service applies it and raises an alert
        sendRecorded(observation(species, JIEFANG), traceparent);

        // Then the alert event is in trace T too
        Header header = awaitAlertRecord(species).headers().lastHeader("traceparent");
        assertNotNull(header, "alert record has a traceparent header");
        String[] fields = new String(header.value(), StandardCharsets.UTF_8).split("-");
        assertEquals(4, fields.length);
        assertEquals("00", fields[0]);
        assertEquals(traceId, fields[1], "same trace id as the observation event");
        assertTrue(fields[2].matches("[0-9a-f]{16}"), "a span id");
    }

    @Test
    void events_of_different_traces_applied_together_keep_their_own_trace_ids() throws Exception {
        // Given two observation events of two traces, sent back to back (one consumer poll, one transaction)
        String traceA = randomHex(16);
        String traceB = randomHex(16);
        SpeciesSnapshot speciesA = invasive(newSpeciesId());
        SpeciesSnapshot speciesB = invasive(newSpeciesId());

        sendRecorded(observation(speciesA, JIEFANG), "00-" + traceA + "-" + randomHex(8) + "-01");
        sendRecorded(observation(speciesB, JIEFANG), "00-" + traceB + "-" + randomHex(8) + "-01");

        // Then neither alert inherits the other's trace
        assertEquals(traceA, traceIdOf(awaitAlertRecord(speciesA)));
        assertEquals(traceB, traceIdOf(awaitAlertRecord(speciesB)));
    }

    @Test
    void a_malformed_traceparent_does_not_stop_the_event_from_being_applied() throws Exception {
        SpeciesSnapshot species = invasive(newSpeciesId());

        sendRecorded(observation(species, JIEFANG), "00-not-a-trace-context");

        // The alert is raised; whatever trace context it has is a well-formed one, not the garbage.
        Header header = awaitAlertRecord(species).headers().lastHeader("traceparent");
        if (header != null) {
            assertTrue(new String(header.value(), StandardCharsets.UTF_8).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
        }
    }

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertNotNull(header, "record has a traceparent header");
        return new String(header.value(), StandardCharsets.UTF_8).split("-")[1];
    }
}
