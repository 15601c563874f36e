package cn.jiaozuo.biodiversity.observation.messaging;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import cn.jiaozuo.biodiversity.observation.domain.SpeciesEvents;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link SpeciesEvents} on the transactional outbox: the compacted topic {@code species}, key = species id (as a
 * string), so a new consumer rebuilds the whole catalog from the newest event per key.
 */
@ApplicationScoped
public class OutboxSpeciesEvents implements SpeciesEvents {

    private final Outbox outbox;

    public OutboxSpeciesEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void upserted(SpeciesSnapshot species) {
        outbox.publish(Topics.SPECIES, Long.toString(species.id()), EventTypes.SPECIES_UPSERTED, species);
    }
}
