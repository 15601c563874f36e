package cn.jiaozuo.biodiversity.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.ScramKafkaUserSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * alert-service as in production: its Kafka clients (common's consumer loop and dead-letter producer, the
 * outbox relay's transactional producer, the alert stream and Quarkus' readiness check) authenticate with
 * SCRAM-SHA-512 as user {@code alert-service}, which holds exactly the ACLs of its KafkaUser in
 * deploy/k8s/base/kafka-users.yaml (read from the manifest), on the test broker's SASL listener. A missing
 * ACL there fails here; so would a client that ignored the security settings. The test reads and writes
 * topics itself through the unrestricted PLAINTEXT listener.
 */
@QuarkusTest
@TestProfile(KafkaScramAclTest.AsProductionKafkaUser.class)
class KafkaScramAclTest extends ScramKafkaUserSpec {

    static final String USER = "alert-service";

    public static class AsProductionKafkaUser extends AsUser {
        @Override
        protected String user() {
            return USER;
        }
    }


    /** plots belongs to sampling-plot-service; the agencies' topic to observation-service. */
    @Override
    protected List<String> foreignTopics() {
        return List.of(Topics.PLOTS, Topics.OBSERVATIONS_PUBLIC);
    }

    @Inject
    ObjectMapper json;

    KafkaTestClient plain;

    @BeforeEach
    void connect() {
        plain = plain();
    }

    @AfterEach
    void close() {
        plain.close();
    }

    @Test
    void the_service_consumes_and_publishes_as_its_scram_user_within_its_acls() throws Exception {
        // An invasive species observed: the consumer (group alert-service, Read observations) applies it and
        // the outbox relay (transactional id alert-service-outbox-<host>, Write alerts) publishes the alert.
        SpeciesSnapshot species = ObservationEvents.invasive(ObservationEvents.newSpeciesId());
        ObservationSnapshot observation = ObservationEvents.observation(species, ObservationEvents.JIEFANG);
        plain.send(Topics.OBSERVATIONS, observation.key(), json.writeValueAsString(
                EventEnvelope.of(EventTypes.OBSERVATION_RECORDED, "observation-service", observation)));

        assertEquals(1, plain.await(Topics.ALERTS, r -> r.value().contains("\"speciesId\":" + species.id()), 1,
                Duration.ofSeconds(30)).size(), "the alert reached topic alerts");
    }

    @Test
    void an_event_it_cannot_apply_goes_to_the_dead_letter_topic_without_any_cluster_permission() {
        // The dead-letter producer is idempotent: on Kafka 4 Write on the topic is enough (no IdempotentWrite).
        String key = "scram-dlq-" + UUID.randomUUID();
        plain.send(Topics.OBSERVATIONS, key, "not an event envelope");

        assertEquals(1, plain.await(Topics.OBSERVATIONS_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(30)).size());
    }

    @Test
    void it_reads_patrols_and_dead_letters_them_within_its_acls() {
        // Group alert-service-patrols (prefix alert-service), Read patrols, Write patrols.dlq.
        String key = "scram-patrol-dlq-" + UUID.randomUUID();
        plain.send(Topics.PATROLS, key, "not an event envelope");

        assertEquals(1, plain.await(Topics.PATROLS_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(30)).size());
    }
}
