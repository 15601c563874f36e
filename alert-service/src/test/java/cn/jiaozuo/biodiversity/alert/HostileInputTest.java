package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.MENGZHOU;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Input that reached PostgreSQL and came back as a 500: NUL characters in bodies, dates and cursors beyond the
 * timestamps PostgreSQL stores. Each is a 400 naming its field, and the alert is unchanged.
 */
@QuarkusTest
class HostileInputTest extends ObservationEventsFixture {

    private static final String STAFF = TestTokens.bearer(Roles.BUREAU);

    @Test
    void a_nul_character_in_an_acknowledgement_or_resolution_is_a_400_and_changes_nothing() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        events.recorded(observation(species, MENGZHOU));
        String id = (String) awaitAlerts(species.id(), 1).get(0).get("id");

        given().header("Authorization", STAFF).contentType("application/json").body("{\"notes\":\"informed\\u0000\"}")
                .when().post("/alerts/" + id + "/acknowledge").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("notes"))
                .body("violations[0].message", containsString("NUL"));
        given().header("Authorization", STAFF).when().get("/alerts/" + id).then().statusCode(200)
                .body("status", equalTo("OPEN"));

        given().header("Authorization", STAFF).contentType("application/json").body("{\"notes\":\"ok\"}")
                .when().post("/alerts/" + id + "/acknowledge").then().statusCode(200);
        given().header("Authorization", STAFF).contentType("application/json")
                .body("{\"action\":\"CONTAINED\",\"notes\":\"\\u0000\"}")
                .when().post("/alerts/" + id + "/resolve").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("notes"));
    }

    @Test
    void a_nul_character_in_a_subscription_is_a_400_naming_the_field() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json")
                .body("{\"name\":\"n\",\"organization\":\"o\",\"filter\":{\"groups\":[\"INSECT\\u0000\"]},"
                        + "\"webhook\":{\"url\":\"https://example.org/hook\",\"secret\":\"0123456789abcdef\"}}")
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("filter.groups[0]"));
    }

    @Test
    void a_subscription_filter_too_large_to_store_is_a_400_not_a_database_error() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            ids.append(i == 0 ? "" : ",").append(Long.MAX_VALUE - i);
        }
        given().header("Authorization", STAFF).contentType("application/json")
                .body("{\"name\":\"n\",\"organization\":\"o\",\"filter\":{\"speciesIds\":[" + ids + "]},"
                        + "\"webhook\":{\"url\":\"https://example.org/hook\",\"secret\":\"0123456789abcdef\"}}")
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("filter"));
        String group = "\"" + "G".repeat(8000) + "\"";
        given().header("Authorization", STAFF).contentType("application/json")
                .body("{\"name\":\"n\",\"organization\":\"o\",\"filter\":{\"groups\":[" + group + "]},"
                        + "\"webhook\":{\"url\":\"https://example.org/hook\",\"secret\":\"0123456789abcdef\"}}")
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("filter"));
    }

    @Test
    void dates_beyond_the_supported_years_are_a_400_naming_the_parameter() {
        for (String time : List.of("-4714-11-24T00:00:00Z", "+294277-01-01T00:00:00Z", "1899-12-31T23:00:00Z")) {
            given().header("Authorization", STAFF).queryParam("from", time).when().get("/alerts").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("from"));
            given().header("Authorization", STAFF).queryParam("to", time).when().get("/alerts").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("to"));
        }
    }

    @Test
    void a_cursor_carrying_an_extreme_instant_is_a_400_on_cursor() {
        for (long micros : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -2_208_988_800_000_001L}) {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            given().header("Authorization", STAFF).queryParam("cursor", cursor).when().get("/alerts").then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("cursor"));
        }
    }
}
