package cn.jiaozuo.biodiversity.patrol;

import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.patrol;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.post;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.ranger;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.messaging.KafkaClientConfig;
import cn.jiaozuo.biodiversity.testsupport.InfrastructureTestResource;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.ScramKafkaUserResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * patrol-service as in production: its Kafka clients (the outbox relay's transactional producer and Quarkus' readiness
 * check) authenticate with SCRAM-SHA-512 as user {@code patrol-service}, which holds exactly the ACLs of its KafkaUser
 * in deploy/k8s/base/kafka-users.yaml: Write on patrols and the outbox's transactional ids; Read on plots and geography
 * with the group prefix patrol-service for the read model of areas. A missing ACL there fails here. The test reads and
 * writes the topics through the unrestricted PLAINTEXT listener.
 */
@QuarkusTest
@TestProfile(KafkaScramAclTest.AsProductionKafkaUser.class)
class KafkaScramAclTest {

    static final String USER = "patrol-service";

    /** Runs the service as Kafka user patrol-service with the manifest's ACLs. */
    public static class AsProductionKafkaUser implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScramKafkaUserResource.class, Map.of("user", USER)));
        }
    }

    @Inject
    KafkaClientConfig kafka;

    @Test
    void a_patrol_is_published_as_the_scram_user_and_readiness_sees_the_broker() {
        // The service's clients are on the SASL listener (otherwise this test would prove nothing).
        Map<String, Object> props = kafka.clientProperties();
        assertEquals(InfrastructureTestResource.kafkaSaslBootstrapServers(), props.get("bootstrap.servers"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);

        // The outbox relay (transactional id patrol-service-outbox-<host>, Write patrols) publishes the patrol's events.
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        String uuid = (String) body.get("uuid");
        post(ranger, body).statusCode(201);
        try (KafkaTestClient plain = KafkaTestClient.of(InfrastructureTestResource.kafkaBootstrapServers())) {
            assertEquals(2, plain.await(Topics.PATROLS, r -> uuid.equals(r.key()), 2, Duration.ofSeconds(30)).size(),
                    "PatrolRecorded and IncidentReported reached topic patrols");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void the_area_consumers_read_plots_and_geography_in_their_groups() {
        String plot = "410882-T" + UUID.randomUUID().toString().substring(0, 8);
        UUID plotEvent;
        UUID outlineEvent;
        try (KafkaTestClient plain = KafkaTestClient.of(InfrastructureTestResource.kafkaBootstrapServers())) {
            plotEvent = UUID.randomUUID();
            plain.send(Topics.PLOTS, plot, """
                    {"eventId": "%s", "type": "PlotRetired", "occurredAt": "2025-05-14T00:00:00Z", "source": "sampling-plot-service",
                     "data": {"code": "%s", "name": "ACL plot", "countyCode": "410882", "status": "RETIRED", "geometry": null,
                              "areaHa": 1.0, "surveyIntervalDays": 90, "updatedAt": "2025-05-14T00:00:00Z"}}""".formatted(plotEvent, plot));
            outlineEvent = UUID.randomUUID();
            String area = "acl-" + UUID.randomUUID();
            plain.send(Topics.GEOGRAPHY, "PROTECTED_AREA:" + area, """
                    {"eventId": "%s", "type": "AreaOutlined", "occurredAt": "2025-05-14T00:00:00Z", "source": "sampling-plot-service",
                     "data": {"kind": "PROTECTED_AREA", "id": "%s", "name": "ACL", "countyCode": null, "geometry": null,
                              "source": "test", "active": false, "updatedAt": "2025-05-14T00:00:00Z"}}""".formatted(outlineEvent, area));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestAreas.applied(em, TestAreas.PLOTS_CONSUMER, plotEvent)
                        && TestAreas.applied(em, TestAreas.GEOGRAPHY_CONSUMER, outlineEvent));
    }

    @Test
    void the_user_cannot_write_the_other_services_topics() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        for (String topic : List.of(Topics.OBSERVATIONS, Topics.ALERTS, Topics.PLOTS)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                Throwable thrown = assertThrows(Exception.class,
                        () -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS));
                assertInstanceOf(TopicAuthorizationException.class, thrown instanceof ExecutionException ? thrown.getCause() : thrown,
                        "writing " + topic);
            }
        }
    }
}
