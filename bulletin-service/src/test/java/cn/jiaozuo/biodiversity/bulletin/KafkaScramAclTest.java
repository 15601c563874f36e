package cn.jiaozuo.biodiversity.bulletin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.ScramKafkaUserSpec;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * bulletin-service as in production on Kafka ({@link ScramKafkaUserSpec}): user {@code bulletin-service} holds exactly
 * the ACLs of its KafkaUser: Read on observations, alerts, patrols, plots, geography, control-cases, stations, surveys and
 * species with the group prefix bulletin-service, Write on their .dlq, and Write on bulletins for the outbox relay
 * (BulletinPublished). The species topic gets only a poison record here: ProtectionRateTest needs the catalog empty
 * until it publishes one.
 */
@QuarkusTest
@TestProfile(KafkaScramAclTest.AsProductionKafkaUser.class)
class KafkaScramAclTest extends ScramKafkaUserSpec {

    static final String USER = "bulletin-service";

    public static class AsProductionKafkaUser extends AsUser {
        @Override
        protected String user() {
            return USER;
        }
    }


    @Override
    protected List<String> foreignTopics() {
        return List.of(Topics.OBSERVATIONS, Topics.ALERTS, Topics.PLOTS, Topics.PATROLS, Topics.GEOGRAPHY, Topics.SURVEYS,
                Topics.SPECIES);
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Test
    void the_read_model_consumes_its_topics_as_the_scram_user_and_dead_letters_poison() {
        try (TestEvents events = new TestEvents(json, em, plain())) {
            var species = TestEvents.species(TestEvents.speciesId(), "Acl species", "权限", "NONE", false, false);
            events.observation(species, "410821", TestEvents.month(), 1, "VERIFIED");
            events.alert("INVASIVE_SPECIES", "HIGH", "410821", TestEvents.month());
            events.patrol("410821", TestEvents.month(), 1.0, 1.0);
            events.plot("410821-ACL" + UUID.randomUUID().toString().substring(0, 8), "410821");
            events.outline("410821", "{\"type\": \"Polygon\", \"coordinates\": [[[113.14, 35.13], [113.55, 35.13], [113.55, 35.5],"
                    + " [113.14, 35.13]]]}", java.time.Instant.now());
            events.controlCase(cn.jiaozuo.biodiversity.common.events.EventTypes.CONTROL_CASE_OPENED, UUID.randomUUID(), species,
                    "410821", "DETECTED", 1.0, java.time.Instant.now(), null, java.time.Instant.now());
            events.station("ACL-" + UUID.randomUUID().toString().substring(0, 8), null, java.time.Instant.now());
            events.survey("ACL-" + UUID.randomUUID(), "410821-ACL", "410821", TestEvents.month(), "1.0");
            events.awaitApplied();
        }
        String key = "poison-" + UUID.randomUUID();
        try (KafkaTestClient plain = plain()) {
            plain.send(Topics.ALERTS, key, "{not an envelope");
            assertEquals(1, plain.await(Topics.ALERTS_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(60)).size(),
                    "the unreadable alert went to alerts.dlq");
            plain.send(Topics.CONTROL_CASES, key, "{not an envelope");
            assertEquals(1, plain.await(Topics.CONTROL_CASES_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(60)).size(),
                    "the unreadable control case went to control-cases.dlq");
            plain.send(Topics.SPECIES, key, "{not an envelope");
            assertEquals(1, plain.await(Topics.SPECIES_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(60)).size(),
                    "the unreadable species went to species.dlq");
        }
    }

    @Test
    void the_outbox_relay_publishes_bulletin_published_as_the_scram_user() {
        String id = given().header("Authorization", TestTokens.bearer("bureau")).contentType(ContentType.JSON)
                .body(Map.of("from", TestEvents.month().toString(), "scope", "410822")).when().post("/bulletins").then()
                .statusCode(201).extract().path("id");
        try (KafkaTestClient plain = plain()) {
            assertEquals(1, plain.await(Topics.BULLETINS, r -> id.equals(r.key()), 1, Duration.ofSeconds(60)).size(),
                    "BulletinPublished reached the bulletins topic");
        }
    }
}
