package cn.jiaozuo.biodiversity.common.outbox;

import java.time.Instant;

/**
 * One event to be written to the outbox: where it goes, under which key, and what it says.
 *
 * @param publishAfter null: publish as soon as the transaction commits. Otherwise the relay holds the event back
 *                     until then, and the event is detached from the moment it was written: its {@code occurredAt}
 *                     is {@code publishAfter} and it carries no trace context, so neither ties it to the other events
 *                     of its transaction (used for generalized records on {@code observations.public}). Events of
 *                     one key stay in order as long as their {@code publishAfter} do not decrease.
 */
public record OutboxMessage(String topic, String key, String type, Object data, Instant publishAfter) {

    public OutboxMessage(String topic, String key, String type, Object data) {
        this(topic, key, type, data, null);
    }
}
