package cn.jiaozuo.biodiversity.patrol;

import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.patrol;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.post;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.ranger;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.ScramKafkaUserSpec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * patrol-service as in production on Kafka ({@link ScramKafkaUserSpec}): user {@code patrol-service} holds exactly the
 * ACLs of its KafkaUser: Write on patrols and the outbox's transactional ids; Read on plots and geography with the
 * group prefix patrol-service for the read model of areas.
 */
@QuarkusTest
@TestProfile(KafkaScramAclTest.AsProductionKafkaUser.class)
class KafkaScramAclTest extends ScramKafkaUserSpec {

    static final String USER = "patrol-service";

    public static class AsProductionKafkaUser extends AsUser {
        @Override
        protected String user() {
            return USER;
        }
    }


    @Override
    protected List<String> foreignTopics() {
        return List.of(Topics.OBSERVATIONS, Topics.ALERTS, Topics.PLOTS);
    }

    @Test
    void a_patrol_is_published_as_the_scram_user() {
        // The outbox relay (transactional id patrol-service-outbox-<host>, Write patrols) publishes the patrol's events.
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        String uuid = (String) body.get("uuid");
        post(ranger, body).statusCode(201);
        try (KafkaTestClient plain = plain()) {
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
        try (KafkaTestClient plain = plain()) {
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
}
