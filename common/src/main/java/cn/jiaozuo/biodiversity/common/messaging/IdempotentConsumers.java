package cn.jiaozuo.biodiversity.common.messaging;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.problem.ProblemMappers;
import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.jiaozuo.biodiversity.common.outbox.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Runs idempotent Kafka consumers: each event's effect and its id in {@code processed_event} commit
 * in one transaction, offsets are committed only after that, and an event that cannot be applied
 * goes to a dead-letter topic (headers {@code dlq.error}, {@code dlq.topic}, {@code dlq.partition},
 * {@code dlq.offset}) so the consumer goes on. A poll's events are applied in one transaction for
 * throughput, their ids recorded by one statement; if that fails, they are applied one by one to isolate the bad one.
 */
@ApplicationScoped
public class IdempotentConsumers {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumers.class);

    private final KafkaClientConfig kafkaConfig;
    private final ObjectMapper json;
    private final EntityManager em;
    private final ConsumerConfig config;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private final List<BackgroundLoop> loops = new CopyOnWriteArrayList<>();

    public IdempotentConsumers(KafkaClientConfig kafkaConfig, ObjectMapper json,
            EntityManager em, ConsumerConfig config, MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.kafkaConfig = kafkaConfig;
        this.json = json;
        this.em = em;
        this.config = config;
        this.registry = registry;
        this.tracer = openTelemetry.getTracer("cn.jiaozuo.biodiversity.consumer");
    }

    /** Starts a consumer thread unless consumers are disabled by configuration. */
    public void start(ConsumerSpec spec, EventHandler handler) {
        if (!config.enabled()) {
            return;
        }
        Loop loop = new Loop(spec, handler);
        loops.add(loop.worker);
        loop.worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        BackgroundLoop.stopAll(loops);
    }

    /**
     * Records a poll's event ids in one statement; returns those this consumer had not applied before (each once,
     * also when the poll holds an id twice). Must run in a transaction: the ids commit with the events' effects.
     */
    Set<UUID> markAllProcessed(String consumer, List<UUID> eventIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into processed_event (consumer, event_id,"
                    + " processed_at) select ?, id, now() from unnest(?) as id on conflict do nothing returning event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
    }

    /** One consumer: its Kafka clients are used by its worker's thread only. */
    private final class Loop {

        private final ConsumerSpec spec;
        private final EventHandler handler;
        private final BackgroundLoop worker;
        private final Map<TopicPartition, Long> committed = new HashMap<>();
        private final PolledConsumer<KafkaConsumer<String, String>> consumer;
        private KafkaProducer<String, String> deadLetters;

        Loop(ConsumerSpec spec, EventHandler handler) {
            this.spec = spec;
            this.handler = handler;
            this.consumer = new PolledConsumer<>(spec.name(), this::newConsumer, this::subscribe);
            this.worker = BackgroundLoop.named("consumer-" + spec.name())
                    .backoff(Backoff.upTo(config.maxBackoff()))
                    .interruptWith(consumer::wakeup)
                    .onExit(this::close)
                    .build(() -> consumer.use(this::pollOnce));
        }

        /**
         * One poll: applies its events, then commits their offsets. After a failure the records not
         * committed are read again by the next consumer: at-least-once, made exactly-once in effect by
         * the processed-event table.
         */
        private boolean pollOnce(KafkaConsumer<String, String> c) {
            ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                apply(records);
                commit(c, committed);
            } else if (movedSinceCommit(c, committed)) {
                // A transaction marker moves the position without a record: commit it too, or
                // the group's committed offset stays one short of the end and reads as lag.
                commit(c, committed);
            }
            return true; // the poll itself waits for records
        }

        /**
         * Subscribes a new consumer; its lag metrics (kafka.consumer.fetch.manager.records.lag.max etc.,
         * tagged by consumer name) close with it.
         */
        private AutoCloseable subscribe(KafkaConsumer<String, String> c) {
            committed.clear();
            c.subscribe(spec.topics());
            KafkaClientMetrics metrics = new KafkaClientMetrics(c, Tags.of("consumer", spec.name()));
            metrics.bindTo(registry);
            return metrics;
        }

        private void close() {
            consumer.close();
            if (deadLetters != null) {
                deadLetters.close(Duration.ofSeconds(2));
            }
        }

        private void commit(KafkaConsumer<String, String> c, Map<TopicPartition, Long> committed) {
            c.commitSync();
            committed.clear();
            for (TopicPartition partition : c.assignment()) {
                committed.put(partition, c.position(partition));
            }
        }

        private boolean movedSinceCommit(KafkaConsumer<String, String> c, Map<TopicPartition, Long> committed) {
            java.util.Set<TopicPartition> unknown = new java.util.HashSet<>(c.assignment());
            unknown.removeAll(committed.keySet());
            if (!unknown.isEmpty()) {
                // After a restart or a rebalance: what the group committed before, asked once per partition.
                c.committed(unknown).forEach((partition, offset) -> committed.put(partition, offset == null ? -1L : offset.offset()));
                unknown.forEach(partition -> committed.putIfAbsent(partition, -1L));
            }
            for (TopicPartition partition : c.assignment()) {
                Long at = committed.get(partition);
                if (at != null && c.position(partition) != at) {
                    return true;
                }
            }
            return false;
        }

        private void apply(ConsumerRecords<String, String> records) {
            List<Parsed> parsed = new ArrayList<>(records.count());
            for (ConsumerRecord<String, String> record : records) {
                try {
                    EventEnvelope<JsonNode> envelope = parse(record);
                    if (spec.concerns().test(envelope)) {
                        parsed.add(new Parsed(record, envelope));
                    }
                } catch (PoisonEventException e) {
                    deadLetter(record, e);
                }
            }
            if (parsed.size() > 1) {
                try {
                    // One statement records the whole poll's ids, not one per event.
                    QuarkusTransaction.requiringNew().run(() -> {
                        Set<UUID> fresh = markAllProcessed(spec.name(), parsed.stream().map(p -> p.envelope().eventId()).toList());
                        for (Parsed p : parsed) {
                            if (fresh.remove(p.envelope().eventId())) {
                                handle(p);
                            }
                        }
                    });
                    return;
                } catch (RuntimeException e) {
                    LOG.debugf("Batch of %d failed (%s); applying one by one", parsed.size(), e.toString());
                }
            }
            for (Parsed p : parsed) {
                applyWithRetries(p);
            }
        }

        private void applyWithRetries(Parsed p) {
            int attempts = 0;
            int failures = 0;
            boolean waiting = false;
            while (true) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> applyOnce(p));
                    return;
                } catch (RuntimeException e) {
                    Throwable cause = unwrap(e);
                    failures++;
                    if (ProblemMappers.isDatabaseUnavailable(cause)) {
                        // Not the event's fault: wait for the database, never dead-letter.
                        if (!waiting) {
                            LOG.warnf("Consumer %s waits for the database: %s", spec.name(), cause.toString());
                            waiting = true;
                        }
                    } else if (cause instanceof PoisonEventException || ++attempts >= config.maxAttempts()) {
                        deadLetter(p.record(), cause);
                        return;
                    }
                    if (!worker.pause(worker.backoff().delay(failures))) {
                        throw new IllegalStateException("Consumer stopped before the event was applied");
                    }
                }
            }
        }

        private void applyOnce(Parsed p) {
            // The poll's statement for one id: an event retried alone after its poll's transaction failed.
            if (!markAllProcessed(spec.name(), List.of(p.envelope().eventId())).isEmpty()) {
                handle(p);
            }
        }

        /** Applies an event whose id is recorded as processed in the same transaction. */
        private void handle(Parsed p) {
            EventEnvelope<JsonNode> envelope = p.envelope();
            // Continue the producer's trace: outbox rows the handler writes carry it on.
            Span span = tracer.spanBuilder(p.record().topic() + " process").setSpanKind(SpanKind.CONSUMER)
                    .setParent(TraceContext.parentOf(header(p.record(), TraceContext.TRACEPARENT)))
                    .setAttribute(AttributeKey.stringKey("messaging.system"), "kafka")
                    .setAttribute(AttributeKey.stringKey("messaging.destination.name"), p.record().topic())
                    .setAttribute(AttributeKey.stringKey("messaging.consumer.group.name"), spec.groupId())
                    .setAttribute(AttributeKey.stringKey("messaging.message.id"), envelope.eventId().toString())
                    .startSpan();
            try (Scope scope = span.makeCurrent()) {
                handler.handle(envelope);
            } catch (RuntimeException e) {
                span.setStatus(StatusCode.ERROR, e.toString());
                throw e;
            } catch (Exception e) {
                span.setStatus(StatusCode.ERROR, e.toString());
                throw new IllegalStateException(e);
            } finally {
                span.end();
            }
        }

        private EventEnvelope<JsonNode> parse(ConsumerRecord<String, String> record) {
            if (record.value() == null) {
                throw new PoisonEventException("Empty record value");
            }
            try {
                JsonNode node = json.readTree(record.value());
                EventEnvelope<JsonNode> envelope = new EventEnvelope<>(
                        UUID.fromString(node.path("eventId").asText()),
                        node.path("type").asText(null),
                        node.hasNonNull("occurredAt") ? json.treeToValue(node.get("occurredAt"), java.time.Instant.class) : null,
                        node.path("source").asText(null),
                        node.get("data"));
                if (envelope.type() == null || envelope.data() == null || !envelope.data().isObject()) {
                    throw new PoisonEventException("Envelope without type or data object");
                }
                return envelope;
            } catch (PoisonEventException e) {
                throw e;
            } catch (Exception e) {
                throw new PoisonEventException("Not an event envelope: " + e.getMessage(), e);
            }
        }

        private void deadLetter(ConsumerRecord<String, String> record, Throwable error) {
            LOG.errorf("Consumer %s sends %s-%d@%d to %s: %s", spec.name(), record.topic(), record.partition(),
                    record.offset(), spec.deadLetterTopic(), error.toString());
            ProducerRecord<String, String> dead = new ProducerRecord<>(spec.deadLetterTopic(), record.key(), record.value());
            record.headers().forEach(h -> dead.headers().add(h));
            dead.headers().add("dlq.error", String.valueOf(error.getMessage()).getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dlq.consumer", spec.name().getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dlq.topic", record.topic().getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dlq.partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dlq.offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
            try {
                deadLetterProducer().send(dead).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Without the dead letter we must not commit past the record: restart the loop.
                throw new IllegalStateException("Dead-letter publish failed", e);
            }
            registry.counter("consumer.dead.letters", "consumer", spec.name()).increment();
        }

        private KafkaConsumer<String, String> newConsumer() {
            Map<String, Object> props = new HashMap<>(kafkaConfig.clientProperties());
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, spec.groupId());
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, Topics.ISOLATION_LEVEL);
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis());
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                    (int) Math.max(500, config.sessionTimeout().toMillis() / 3));
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG, spec.name() + "-" + UUID.randomUUID());
            return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        }

        private KafkaProducer<String, String> deadLetterProducer() {
            if (deadLetters == null) {
                Map<String, Object> props = new HashMap<>(kafkaConfig.clientProperties());
                props.put(ProducerConfig.ACKS_CONFIG, "all");
                props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                deadLetters = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
            }
            return deadLetters;
        }
    }

    private record Parsed(ConsumerRecord<String, String> record, EventEnvelope<JsonNode> envelope) {
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof IllegalStateException || t.getClass().getName().contains("Rollback")
                || t.getClass().getName().contains("ArcUndeclared")) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
