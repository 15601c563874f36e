package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;

/**
 * The one way catalog events leave the domain: called inside the transaction that changed the species;
 * {@code messaging.OutboxSpeciesEvents} writes them to the outbox in that same transaction (topic {@code species}).
 */
public interface SpeciesEvents {

    /** {@code SpeciesUpserted}: the species as it now is (created, changed, or published for the first time). */
    void upserted(SpeciesSnapshot species);
}
