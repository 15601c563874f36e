package cn.jiaozuo.biodiversity.common.messaging;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies one event. Runs inside a transaction that also records the event id as processed, so
 * the effect happens once however often Kafka redelivers. Throw {@link PoisonEventException} for an
 * event that can never be applied (it goes to the dead-letter topic at once); any other exception
 * is retried a few times first.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(EventEnvelope<JsonNode> event) throws Exception;
}
