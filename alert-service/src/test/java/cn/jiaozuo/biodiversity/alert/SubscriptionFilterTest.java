package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subscription filter criteria not covered by {@link WebhookDeliveryTest}: what is (not) checked
 * when subscribing.
 */
@QuarkusTest
class SubscriptionFilterTest {

    @Inject
    ObjectMapper json;

    ObservationEvents events;

    @BeforeEach
    void connect() {
        events = new ObservationEvents(json);
    }

    @AfterEach
    void close() {
        events.close();
    }

    private static String subscribe(String url, String secret, Map<String, Object> filter) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "test " + UUID.randomUUID(), "organization", "市林业局", "filter", filter,
                        "webhook", Map.of("url", url, "secret", secret)))
                .when().post("/subscriptions").then().statusCode(201).extract().path("id");
    }

    @Test
    void species_ids_and_groups_are_not_checked_against_the_catalog() {
        // The service knows species only from observation events; the catalog grows through POST /species,
        // so an id no alert has carried yet (or a misspelt group) is stored as given and simply matches nothing.
        long unknownSpecies = newSpeciesId();
        String id = subscribe("https://example.org/hooks/alerts", "unchecked-secret-0123456789",
                Map.of("speciesIds", List.of(unknownSpecies), "groups", List.of("INSECTS")));

        JsonPath stored = given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).when()
                .get("/subscriptions/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(unknownSpecies), stored.getList("filter.speciesIds", Long.class));
        assertEquals(List.of("INSECTS"), stored.getList("filter.groups", String.class));
    }
}
