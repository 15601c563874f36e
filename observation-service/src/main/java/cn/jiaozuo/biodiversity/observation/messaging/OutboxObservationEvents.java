package cn.jiaozuo.biodiversity.observation.messaging;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import cn.jiaozuo.biodiversity.common.outbox.OutboxMessage;
import cn.jiaozuo.biodiversity.observation.domain.ObservationEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ObservationEvents} on the transactional outbox: each observation becomes an event on {@code observations}
 * (the exact record) and its twin on {@code observations.public} (held back until its release when generalized), both
 * keyed {@code countyCode:speciesId}, written with one statement in the caller's transaction.
 */
@ApplicationScoped
public class OutboxObservationEvents implements ObservationEvents {

    private final Outbox outbox;

    public OutboxObservationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void recorded(List<Published> observations) {
        outbox.publishAll(messages(observations, EventTypes.OBSERVATION_RECORDED));
    }

    @Override
    public void reviewed(Published observation) {
        outbox.publishAll(messages(List.of(observation), EventTypes.OBSERVATION_REVIEWED));
    }

    private static List<OutboxMessage> messages(List<Published> observations, String type) {
        List<OutboxMessage> messages = new ArrayList<>(2 * observations.size());
        for (Published p : observations) {
            messages.add(new OutboxMessage(Topics.OBSERVATIONS, p.exact().key(), type, p.exact()));
            messages.add(new OutboxMessage(Topics.OBSERVATIONS_PUBLIC, p.shown().key(), type, p.shown(), p.releaseAt()));
        }
        return messages;
    }
}
