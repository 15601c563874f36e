package cn.jiaozuo.biodiversity.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON envelope of every event on every topic: {@code {eventId, type, occurredAt, source, data}}.
 * {@code eventId} is what idempotent consumers remember; {@code type} names the payload record.
 *
 * @param <T> the payload, a record from this package (or a {@code JsonNode} before it is typed)
 */
public record EventEnvelope<T>(UUID eventId, String type, Instant occurredAt, String source, T data) {

    public static <T> EventEnvelope<T> of(String type, String source, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), type, Instant.now(), source, data);
    }
}
