package cn.jiaozuo.biodiversity.observation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.ScramKafkaUserSpec;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * observation-service as in production on Kafka ({@link ScramKafkaUserSpec}): user {@code observation-service} holds
 * exactly the ACLs of its KafkaUser: Write on observations, observations.public and species with the outbox's
 * transactional ids, Read on plots, stations and geography.
 */
@QuarkusTest
@TestProfile(KafkaScramAclTest.AsProductionKafkaUser.class)
class KafkaScramAclTest extends ScramKafkaUserSpec {

    static final String USER = "observation-service";

    @Inject
    AgroalDataSource dataSource;

    public static class AsProductionKafkaUser extends AsUser {
        @Override
        protected String user() {
            return USER;
        }
    }


    @Override
    protected List<String> foreignTopics() {
        return List.of(Topics.PLOTS, Topics.ALERTS, Topics.PATROLS);
    }

    @Test
    void the_catalog_and_new_species_are_published_as_the_scram_user() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String scientificName = "Aclus species" + tag;
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("scientificName", scientificName, "chineseName", "权限种" + tag, "group", "PLANT",
                        "protectionLevel", "NONE"))
                .when().post("/species").then().statusCode(201);
        try (KafkaTestClient plain = plain()) {
            assertEquals(1, plain.await(Topics.SPECIES, r -> r.value().contains(scientificName), 1, Duration.ofSeconds(30))
                    .size(), "SpeciesUpserted reached topic species");
        }
        // The seed, published at startup, left the outbox too (the broker outlives each test database, so its records
        // on the topic may come from an earlier start).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> unrelayedSpeciesEvents() == 0);
    }

    private long unrelayedSpeciesEvents() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select count(*) from outbox_event where topic = 'species'"); ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
