package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.messaging.KafkaClientConfig;
import cn.jiaozuo.biodiversity.common.messaging.PolledConsumer;
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
        PolledConsumer<KafkaConsumer<String, String>> consumer = new PolledConsumer<>("alert-stream-feed", this::newConsumer, this::assignAtEnd);
        loop = BackgroundLoop.named("alert-stream-feed")
                .backoff(Backoff.upTo(MAX_BACKOFF))
                .interruptWith(consumer::wakeup)
                .onExit(consumer::close)
                .build(() -> consumer.use(this::pollOnce));
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
    private boolean pollOnce(KafkaConsumer<String, String> c) {
        for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
            dispatch(record);
        }
        if (System.nanoTime() - lastHeartbeat > config.heartbeat().toNanos()) {
            lastHeartbeat = System.nanoTime();
            listeners.forEach(Listener::heartbeat);
        }
        return true; // the poll itself waits for records
    }

    private KafkaConsumer<String, String> newConsumer() {
        Map<String, Object> props = new HashMap<>(kafkaConfig.clientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "alert-stream-feed");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, Topics.ISOLATION_LEVEL);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Every partition of the topic, from its end: the events after this moment are all streamed. */
    private AutoCloseable assignAtEnd(KafkaConsumer<String, String> c) {
        List<TopicPartition> partitions = c.partitionsFor(Topics.ALERTS, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + Topics.ALERTS + " does not exist yet");
        }
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position); // resolve the end offsets now: later events are all streamed
        return null;
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
