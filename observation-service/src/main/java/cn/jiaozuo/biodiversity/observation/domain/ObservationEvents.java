package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.PublicObservation;
import java.time.Instant;
import java.util.List;

/**
 * The one way observation events leave the domain: {@link ObservationService} says what happened, inside its
 * transaction; {@code messaging.OutboxObservationEvents} writes it to the outbox in that same transaction (topics
 * {@code observations} and {@code observations.public}). What each event says is decided here, in the domain.
 */
public interface ObservationEvents {

    /**
     * One observation as published: {@code exact} for internal readers; {@code shown} as the public sees it
     * ({@link Disclosure}), to be published from {@code releaseAt} on (null: at once).
     */
    record Published(ObservationSnapshot exact, PublicObservation shown, Instant releaseAt) {
    }

    /** Newly stored observations, in the order they were stored: {@code ObservationRecorded}. */
    void recorded(List<Published> observations);

    /** A review decision changed an observation: {@code ObservationReviewed}. */
    void reviewed(Published observation);
}
