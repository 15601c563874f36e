package cn.jiaozuo.biodiversity.common.outbox;

/** One event to be written to the outbox: where it goes, under which key, and what it says. */
public record OutboxMessage(String topic, String key, String type, Object data) {
}
