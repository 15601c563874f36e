package cn.jiaozuo.biodiversity.plot;

import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.freshSquare;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.outlineBody;
import static cn.jiaozuo.biodiversity.plot.OutlineFixtures.put;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.createPlot;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.plotBody;
import static cn.jiaozuo.biodiversity.plot.PlotFixtures.today;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import cn.jiaozuo.biodiversity.testsupport.ScramKafkaUserSpec;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sampling-plot-service as in production on Kafka ({@link ScramKafkaUserSpec}): user {@code sampling-plot-service}
 * holds exactly the ACLs of its KafkaUser: Write on plots, stations, geography and surveys with the outbox's transactional ids,
 * Read on observations (station last-seen).
 */
@QuarkusTest
@TestProfile(KafkaScramAclTest.AsProductionKafkaUser.class)
class KafkaScramAclTest extends ScramKafkaUserSpec {

    static final String USER = "sampling-plot-service";

    public static class AsProductionKafkaUser extends AsUser {
        @Override
        protected String user() {
            return USER;
        }
    }


    @Override
    protected List<String> foreignTopics() {
        return List.of(Topics.OBSERVATIONS, Topics.ALERTS, Topics.PATROLS);
    }

    @Test
    void plots_outlines_and_surveys_are_published_as_the_scram_user() {
        // Plot codes count per county in each test database while the broker outlives them: find the record by a
        // name no other run of this JVM used.
        Map<String, Object> plot = plotBody("410821");
        String name = (String) plot.get("name");
        String code = createPlot(plot);
        Map<String, Object> outline = outlineBody(freshSquare());
        put("/counties/410822/outline", outline).statusCode(200);
        String source = (String) outline.get("source");
        String survey = given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType("application/json")
                .body(Map.of("visitedOn", today().toString(), "team", "测试组", "method", "TRANSECT", "effortHours", 2.5))
                .when().post("/plots/" + code + "/surveys").then().statusCode(201).extract().path("id");
        try (KafkaTestClient plain = plain()) {
            assertEquals(1, plain.await(Topics.PLOTS, r -> code.equals(r.key()) && r.value().contains(name), 1,
                    Duration.ofSeconds(30)).size(),
                    "PlotUpserted reached topic plots");
            assertEquals(1, plain.await(Topics.GEOGRAPHY, r -> r.value().contains(source), 1, Duration.ofSeconds(30)).size(),
                    "AreaOutlined reached topic geography");
            assertEquals(1, plain.await(Topics.SURVEYS, r -> survey.equals(r.key()), 1, Duration.ofSeconds(30)).size(),
                    "SurveyRecorded reached topic surveys");
        }
    }
}
