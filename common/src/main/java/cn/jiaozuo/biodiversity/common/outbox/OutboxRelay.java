package cn.jiaozuo.biodiversity.common.outbox;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.messaging.KafkaClientConfig;
import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in commit order and deletes them once the broker committed them.
 * One instance at a time relays (a transaction-scoped advisory lock), so the order per key holds
 * with several replicas. Each batch is one Kafka transaction: a batch cut off by a broker outage is
 * aborted, so a {@code read_committed} consumer never sees its records, and the rows, still in the
 * table, go out again in a later transaction. Without that, records the broker appended but never
 * acknowledged were published twice after an outage. While Kafka or the database is down the rows
 * wait and the relay backs off (a {@link BackgroundLoop}, up to {@code max-backoff}); nothing is lost.
 * When the outcome of the Kafka commit is unknown (a crash or a timeout after the broker committed,
 * before the database commit) the batch is sent again, which consumers absorb by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x6f7574626f78L; // "outbox"
    /**
     * Rows held back ({@code publish_after}, see {@link OutboxMessage#publishAfter}) wait until then; per key they
     * are due in order, so the order per key holds. Their age counts from when they became due.
     */
    private static final String DUE = " where publish_after is null or publish_after <= now()";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final KafkaClientConfig kafkaConfig;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Counter published;
    private final Tracer tracer;
    private volatile BackgroundLoop loop;
    /** Used by the relay's thread only. */
    private KafkaProducer<String, String> producer;
    /** When the last relay step began and whether it was full (relay thread only), for {@link OutboxConfig#minTransactionGap()}. */
    private long lastStepNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    private boolean lastStepFull;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
            KafkaClientConfig kafkaConfig, MeterRegistry registry,
            OpenTelemetry openTelemetry) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.published = Counter.builder("outbox.published").description("Events published from the outbox")
                .register(registry);
        registry.gauge("outbox.pending", pending);
        // Lag as time: a full table is harmless if it drains, an old row is not.
        registry.gauge("outbox.oldest.age.seconds", oldestAgeSeconds);
        this.tracer = openTelemetry.getTracer("cn.jiaozuo.biodiversity.outbox");
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        loop = BackgroundLoop.named("outbox-relay")
                .every(config.pollInterval())
                .backoff(Backoff.upTo(config.maxBackoff()))
                .onExit(this::closeProducer)
                .build(this::relayBatch);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Called after a commit that wrote outbox rows: publish now rather than at the next poll. */
    public void wakeUp() {
        BackgroundLoop relay = loop;
        if (relay != null) {
            relay.wakeUp();
        }
    }

    /** One batch; true when it was full, so more rows may be waiting. */
    private boolean relayBatch() throws Exception {
        long gap = lastStepNanos + config.minTransactionGap().toNanos() - System.nanoTime();
        // After a full batch more rows are waiting already: a backlog drains without gaps.
        if (!lastStepFull && gap > 0 && !loop.pause(Duration.ofNanos(gap))) {
            return false; // stopping
        }
        lastStepNanos = System.nanoTime();
        lastStepFull = false;
        try {
            lastStepFull = relayOnce() >= config.batchSize();
            return lastStepFull;
        } catch (Exception e) {
            // The next producer's initTransactions aborts the Kafka transaction left open.
            closeProducer();
            throw e;
        }
    }

    /** One transaction: lock, read the oldest rows, publish, delete. Returns the number published. */
    int relayOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = relay(connection);
                connection.commit();
                return sent;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private record Row(long seq, UUID eventId, String topic, String key, String type, String payload,
            String traceparent, java.sql.Timestamp dueAt) {
    }

    private int relay(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, ADVISORY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // another replica is relaying
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select seq, event_id, topic, event_key, event_type, payload, trace_parent,"
                        + " coalesce(publish_after, created_at) from outbox_event" + DUE + " order by seq limit ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8)));
                }
            }
        }
        if (rows.isEmpty()) {
            pending.set(0);
            oldestAgeSeconds.set(0);
            return 0;
        }
        oldestAgeSeconds.set(Math.max(0, (System.currentTimeMillis() - rows.get(0).dueAt().getTime()) / 1000));
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<Span> spans = new ArrayList<>();
        try {
            kafka.beginTransaction();
            for (Row row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add(Topics.HEADER_EVENT_ID, row.eventId().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(Topics.HEADER_EVENT_TYPE, row.type().getBytes(StandardCharsets.UTF_8));
                String traceparent = publishSpan(row, spans);
                if (traceparent != null) {
                    record.headers().add(TraceContext.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
                }
                acks.add(kafka.send(record));
            }
            // Throws when the broker did not take every record (rows stay); a send that failed
            // alone would not make the commit throw, so the futures are checked first.
            kafka.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            kafka.commitTransaction();
        } catch (Exception e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.toString()));
            // The caller closes the producer; the next one's initTransactions aborts what is open.
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where seq = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", rows.stream().map(Row::seq).toArray()));
            delete.executeUpdate();
        }
        published.increment(rows.size());
        pending.set(rows.size() == config.batchSize() ? rows.size() : 0);
        return rows.size();
    }

    /**
     * A producer span, child of the transaction that wrote the row; its traceparent goes into the
     * record. Rows written outside a trace get none: the relay's polling starts no traces of its own.
     */
    private String publishSpan(Row row, List<Span> spans) {
        if (row.traceparent() == null) {
            return null;
        }
        Context parent = TraceContext.parentOf(row.traceparent());
        Span span = tracer.spanBuilder(row.topic() + " publish").setSpanKind(SpanKind.PRODUCER).setParent(parent)
                .setAttribute(AttributeKey.stringKey("messaging.system"), "kafka")
                .setAttribute(AttributeKey.stringKey("messaging.destination.name"), row.topic())
                .setAttribute(AttributeKey.stringKey("messaging.message.id"), row.eventId().toString())
                .startSpan();
        spans.add(span);
        String traceparent = TraceContext.traceparentOf(parent.with(span));
        return traceparent != null ? traceparent : row.traceparent();
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig.clientProperties());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, config.source() + "-outbox");
            // Stable per instance, so a restarted instance aborts what its predecessor left open at
            // once; the timeout bounds how long a vanished instance's transaction holds back readers.
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.source() + "-outbox-" + instanceName());
            props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
            KafkaProducer<String, String> created = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    /** The pod or host name: one relay per instance, and the same name again after a restart. */
    private static String instanceName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "local";
            }
        }
        return host;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("Closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    /** Rows due and not yet published (held-back rows are not pending); for tests and the readiness of benchmarks. */
    public long countPending() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("select count(*) from outbox_event" + DUE);
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
