package cn.jiaozuo.biodiversity.common.messaging;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * What an idempotent consumer reads and where its failures go.
 *
 * @param name        the consumer's name, also the key under which processed event ids are kept
 * @param groupId     Kafka consumer group
 * @param topics      topics to subscribe
 * @param deadLetterTopic where events that cannot be processed are sent, with the error in headers
 * @param concerns    the events the handler acts on; the others are passed over without a database
 *                    transaction or a processed-event row (a consumer that ignores most of a busy topic
 *                    would otherwise pay a write for each)
 */
public record ConsumerSpec(String name, String groupId, List<String> topics, String deadLetterTopic,
        Predicate<EventEnvelope<JsonNode>> concerns) {

    /** A consumer that acts on every event of its topics. */
    public ConsumerSpec(String name, String groupId, List<String> topics, String deadLetterTopic) {
        this(name, groupId, topics, deadLetterTopic, event -> true);
    }
}
