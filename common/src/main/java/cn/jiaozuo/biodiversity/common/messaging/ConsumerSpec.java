package cn.jiaozuo.biodiversity.common.messaging;

import java.util.List;

/**
 * What an idempotent consumer reads and where its failures go.
 *
 * @param name        the consumer's name, also the key under which processed event ids are kept
 * @param groupId     Kafka consumer group
 * @param topics      topics to subscribe
 * @param deadLetterTopic where events that cannot be processed are sent, with the error in headers
 */
public record ConsumerSpec(String name, String groupId, List<String> topics, String deadLetterTopic) {
}
