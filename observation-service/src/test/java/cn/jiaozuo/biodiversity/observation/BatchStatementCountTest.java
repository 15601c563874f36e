package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.batch;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.StatementCountingDriver.Executed;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A batch costs the same few statements whatever its size: one lookup of the uuids sent, one insert of the
 * observations, one of their outbox events. Per-item SQL (a JDBC batch counts one execution per row) fails here.
 */
@QuarkusTest
@TestProfile(BatchStatementCountTest.CountingStatements.class)
class BatchStatementCountTest {

    public static class CountingStatements implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.driver", StatementCountingDriver.class.getName());
        }
    }

    /** Posts {@code size} new sightings, one invalid item and one replay of a stored record; returns what was executed. */
    private static List<Executed> postBatch(int size, String bearer) {
        Map<String, Object> stored = sighting(MACAQUE);
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(batch(List.of(stored)))
                .when().post("/observations/batch").then().statusCode(200).body("accepted", equalTo(1));
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(sighting(MACAQUE));
        }
        items.add(with(sighting(MACAQUE), "count", 0));
        items.add(stored);
        StatementCountingDriver.drain();
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(batch(items))
                .when().post("/observations/batch").then().statusCode(200)
                .body("accepted", equalTo(size)).body("rejected", equalTo(1)).body("duplicates", equalTo(1));
        return StatementCountingDriver.drain();
    }

    private static int executions(List<Executed> executed, String prefix) {
        return executed.stream().filter(e -> e.sql() != null && e.sql().startsWith(prefix)).mapToInt(Executed::executions).sum();
    }

    @Test
    void a_batch_costs_the_same_statements_for_20_items_as_for_500() {
        String bearer = TestTokens.bearer(Roles.STATION, "station-" + UUID.randomUUID());
        List<Executed> small = postBatch(20, bearer);
        List<Executed> large = postBatch(500, bearer);
        for (List<Executed> executed : List.of(small, large)) {
            assertEquals(1, executions(executed, "select uuid, observer, content_hash from observation"), executed.toString());
            assertEquals(1, executions(executed, "insert into observation "), executed.toString());
            assertEquals(1, executions(executed, "insert into outbox_event "), executed.toString());
        }
        int total = large.stream().mapToInt(Executed::executions).sum();
        assertEquals(small.stream().mapToInt(Executed::executions).sum(), total, small + " vs " + large);
        assertTrue(total <= 5, "a batch should cost a handful of statements: " + large);
    }
}
