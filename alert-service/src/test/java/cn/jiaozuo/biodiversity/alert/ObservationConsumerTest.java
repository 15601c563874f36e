package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.alertsOf;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The observation consumer: one effect per event however often Kafka delivers it, and poison to the DLQ. */
@QuarkusTest
class ObservationConsumerTest extends ObservationEventsFixture {

    @Test
    void the_same_event_delivered_twice_has_one_effect() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        EventEnvelope<ObservationSnapshot> envelope = events.recorded(observation(species, JIEFANG));
        events.send(envelope);
        ObservationSnapshot later = observation(species, JIEFANG);
        events.recorded(later);

        awaitAlerts(species.id(), 1, l -> ((Number) l.get(0).get("observationCount")).intValue() == 2);
        long sentinel = events.awaitConsumed(later);
        assertEquals(2, ((Number) alertsOf(species.id()).get(0).get("observationCount")).intValue());
        assertEquals(2, events.kafka().beforeSentinel(Topics.ALERTS, r -> r.value().contains("\"speciesId\":" + sentinel),
                r -> r.value().contains("\"speciesId\":" + species.id()), Duration.ofSeconds(10)).size(),
                "AlertRaised and one AlertUpdated, not a second update for the copy");
    }

    @Test
    void the_same_observation_in_a_verifying_review_is_not_counted_again() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        ObservationSnapshot o = observation(species, JIEFANG);
        events.recorded(o);
        events.reviewed(o);
        events.recorded(observation(species, JIEFANG));

        awaitAlerts(species.id(), 1, l -> ((Number) l.get(0).get("observationCount")).intValue() == 2);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_the_consumer_goes_on() {
        String marker = UUID.randomUUID().toString();
        events.sendRaw("poison-" + marker, "{not json " + marker);
        String wrongData = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ObservationRecorded\","
                + "\"occurredAt\":\"2026-06-01T00:00:00Z\",\"source\":\"x\",\"data\":{\"marker\":\"" + marker + "\"}}";
        events.sendRaw("poison-" + marker, wrongData);

        var dead = events.kafka().await(Topics.OBSERVATIONS_DLQ, r -> r.value().contains(marker), 2,
                Duration.ofSeconds(15));
        assertEquals(2, dead.size());
        assertEquals(Topics.OBSERVATIONS, new String(dead.get(0).headers().lastHeader("dlq.topic").value()));

        SpeciesSnapshot species = invasive(newSpeciesId());
        events.recorded(observation(species, JIEFANG));
        awaitAlerts(species.id(), 1);
    }
}
