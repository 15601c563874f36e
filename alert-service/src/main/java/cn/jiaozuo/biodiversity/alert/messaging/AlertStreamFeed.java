package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.messaging.KafkaClientConfig;
import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Feeds {@code GET /alerts/stream}: every instance reads all partitions of topic {@code alerts}
 * from their end, without a consumer group, and hands each committed alert event to its own SSE
 * listeners. Reading the topic rather than broadcasting in-process means every replica streams the
 * events of every replica, and only committed events (the outbox publishes after commit) are shown.
 */
@ApplicationScoped
public class AlertStreamFeed {

    private static final Logger LOG = Logger.getLogger(AlertStreamFeed.class);
    /** The longest pause while Kafka is unreachable. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final TypeReference<EventEnvelope<AlertSnapshot>> ENVELOPE = new TypeReference<>() {
    };

    /** A connected stream: gets events and periodic heartbeats, and is told when its token expires. */
    public interface Listener extends Consumer<EventEnvelope<AlertSnapshot>> {
        void heartbeat();

        /** The caller's token expired: end the stream (it is already unregistered). */
        void expired();
    }

    private final KafkaClientConfig kafkaConfig;
    private final ObjectMapper json;
    private final AlertConfig.Stream config;
    private final Set<Listener> listeners = new CopyOnWriteArraySet<>();
    private final Map<Listener, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();
    /** Ends streams when their token expires, on its own thread: independent of Kafka being reachable. */
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-stream-expiry");
        t.setDaemon(true);
        return t;
    });
    private volatile BackgroundLoop loop;
    /** Polled by the loop's thread only; a stop only wakes it. */
    private volatile KafkaConsumer<String, String> consumer;
    private long lastHeartbeat = System.nanoTime();

    public AlertStreamFeed(KafkaClientConfig kafkaConfig, ObjectMapper json,
            AlertConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.json = json;
        this.config = config.stream();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        loop = BackgroundLoop.named("alert-stream-feed")
                .backoff(Backoff.upTo(MAX_BACKOFF))
                .interruptWith(this::wakeConsumer)
                .onExit(this::closeConsumer)
                .build(this::pollOnce);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        expiry.shutdownNow();
        if (loop != null) {
            loop.stop();
        }
    }

    /**
     * Streams events to the listener until it unregisters or {@code expiresAt} (the caller's token
     * expiry) has come: a token is checked once, when the stream opens, so without this a stream would
     * outlive it indefinitely.
     */
    public void register(Listener listener, Instant expiresAt) {
        listeners.add(listener);
        long delay = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
        expiries.put(listener, expiry.schedule(() -> {
            if (listeners.remove(listener)) {
                expiries.remove(listener);
                listener.expired();
            }
        }, delay, TimeUnit.MILLISECONDS));
    }

    public void unregister(Listener listener) {
        listeners.remove(listener);
        ScheduledFuture<?> pending = expiries.remove(listener);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** One poll: hands its events to the listeners, and a heartbeat when one is due. */
    private boolean pollOnce() {
        try {
            KafkaConsumer<String, String> c = consumer != null ? consumer : openAtEnd();
            for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
                dispatch(record);
            }
            if (System.nanoTime() - lastHeartbeat > config.heartbeat().toNanos()) {
                lastHeartbeat = System.nanoTime();
                listeners.forEach(Listener::heartbeat);
            }
            return true; // the poll itself waits for records
        } catch (RuntimeException e) {
            closeConsumer();
            throw e;
        }
    }

    /** A consumer of every partition of the topic, positioned at its end: later events are all streamed. */
    private KafkaConsumer<String, String> openAtEnd() {
        Map<String, Object> props = new HashMap<>(kafkaConfig.clientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "alert-stream-feed");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, Topics.ISOLATION_LEVEL);
        KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer = c; // from here a stop can wake it, and a failure closes it
        List<TopicPartition> partitions = c.partitionsFor(Topics.ALERTS, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + Topics.ALERTS + " does not exist yet");
        }
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position); // resolve the end offsets now: later events are all streamed
        return c;
    }

    private void wakeConsumer() {
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void closeConsumer() {
        KafkaConsumer<String, String> c = consumer;
        consumer = null;
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("Alert stream consumer not closed cleanly: %s", e);
            }
        }
    }

    private void dispatch(ConsumerRecord<String, String> record) {
        EventEnvelope<AlertSnapshot> envelope;
        try {
            envelope = json.readValue(record.value(), ENVELOPE);
        } catch (Exception e) {
            LOG.warnf("Skipping unreadable alert event at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return;
        }
        for (Listener listener : listeners) {
            try {
                listener.accept(envelope);
            } catch (RuntimeException e) {
                unregister(listener);
            }
        }
    }
}
