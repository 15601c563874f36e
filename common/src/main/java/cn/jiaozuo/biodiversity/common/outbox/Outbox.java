package cn.jiaozuo.biodiversity.common.outbox;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes events into table {@code outbox_event} inside the caller's transaction, so an event exists
 * exactly when the change that caused it was committed. {@link OutboxRelay} publishes them.
 * Every method must be called inside an active transaction.
 */
@ApplicationScoped
public class Outbox {

    /**
     * One statement for any number of events: a column per array, {@code unnest} turns them back into rows in array
     * order, so {@code seq} (the relay's order) follows the order of the messages. PostgreSQL plans and executes it once,
     * not once per event as a JDBC batch of single-row inserts would (a station upload writes 2,000 at once).
     */
    private static final String INSERT = "insert into outbox_event (event_id, topic, event_key, event_type, payload, created_at,"
            + " trace_parent, publish_after) select * from unnest(?, ?, ?, ?, ?, ?, ?, ?)";
    private static final Object WAKE_KEY = new Object();

    private final EntityManager em;
    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxConfig config;
    private final MeterRegistry registry;

    public Outbox(EntityManager em, ObjectMapper json, OutboxRelay relay,
            TransactionSynchronizationRegistry transactions, OutboxConfig config, MeterRegistry registry) {
        this.em = em;
        this.json = json;
        this.relay = relay;
        this.transactions = transactions;
        this.config = config;
        this.registry = registry;
    }

    /** Adds one event; returns its envelope (with the event id consumers will see). */
    public <T> EventEnvelope<T> publish(String topic, String key, String type, T data) {
        EventEnvelope<T> envelope = EventEnvelope.of(type, config.source(), data);
        write(List.of(new Pending(topic, key, envelope, null)));
        return envelope;
    }

    /**
     * Adds many events with one statement (station uploads write thousands at once). A message with a
     * {@link OutboxMessage#publishAfter} is held back until then and says {@code occurredAt = publishAfter}.
     */
    public List<EventEnvelope<Object>> publishAll(List<OutboxMessage> messages) {
        List<Pending> pending = new ArrayList<>(messages.size());
        List<EventEnvelope<Object>> envelopes = new ArrayList<>(messages.size());
        for (OutboxMessage m : messages) {
            EventEnvelope<Object> envelope = m.publishAfter() == null ? EventEnvelope.of(m.type(), config.source(), m.data())
                    : new EventEnvelope<>(UUID.randomUUID(), m.type(), m.publishAfter(), config.source(), m.data());
            pending.add(new Pending(m.topic(), m.key(), envelope, m.publishAfter()));
            envelopes.add(envelope);
        }
        write(pending);
        return envelopes;
    }

    private record Pending(String topic, String key, EventEnvelope<?> envelope, Instant publishAfter) {
    }

    private void write(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        Session session = em.unwrap(Session.class);
        session.flush(); // entity rows first, so the database sees the change before its event
        String traceparent = TraceContext.current(); // the relay continues this trace into Kafka
        int n = pending.size();
        Object[] ids = new Object[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        Object[] created = new Object[n];
        String[] traces = new String[n];
        Object[] after = new Object[n];
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            Pending p = pending.get(i);
            ids[i] = p.envelope().eventId();
            topics[i] = p.topic();
            keys[i] = p.key();
            types[i] = p.envelope().type();
            payloads[i] = serialize(p.envelope());
            created[i] = (p.publishAfter() == null ? p.envelope().occurredAt() : now).toString(); // ISO-8601, as PostgreSQL reads it
            // A held-back event must not share the trace id of the request that also wrote its exact twins.
            traces[i] = p.publishAfter() == null ? traceparent : null;
            after[i] = p.publishAfter() == null ? null : p.publishAfter().toString();
        }
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setArray(1, connection.createArrayOf("uuid", ids));
                // A String[] goes to PostgreSQL as a binary text[]: no array literal to escape 2,000 JSON documents into.
                insert.setObject(2, topics);
                insert.setObject(3, keys);
                insert.setObject(4, types);
                insert.setObject(5, payloads);
                insert.setArray(6, connection.createArrayOf("timestamptz", created));
                insert.setObject(7, traces);
                insert.setArray(8, connection.createArrayOf("timestamptz", after));
                insert.executeUpdate();
            }
        });
        AfterCommit.runOnce(transactions, WAKE_KEY, relay::wakeUp);
        countAfterCommit(pending);
    }

    /**
     * Counter {@code outbox.written} by topic and event type, counted on commit only: its rate by type
     * is the business rate (e.g. ObservationRecorded = intake rate, AlertRaised = alerts raised).
     */
    private void countAfterCommit(List<Pending> pending) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (Pending p : pending) {
            counts.merge(List.of(p.topic(), p.envelope().type()), 1, Integer::sum);
        }
        AfterCommit.run(transactions, () -> counts.forEach((tags, n) -> registry.counter("outbox.written", "topic",
                tags.get(0), "type", tags.get(1)).increment(n)));
    }

    private String serialize(EventEnvelope<?> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + envelope.type() + " cannot be serialized", e);
        }
    }
}
