package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The subscription filter criteria not covered by {@link WebhookDeliveryTest}: species groups, and
 * what is (not) checked when subscribing.
 */
@QuarkusTest
class SubscriptionFilterTest extends ObservationEventsFixture {

    private static String subscribe(String url, String secret, Map<String, Object> filter) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType("application/json")
                .body(Map.of("name", "test " + UUID.randomUUID(), "organization", "市林业局", "filter", filter,
                        "webhook", Map.of("url", url, "secret", secret)))
                .when().post("/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> deliveries(String subscription) {
        return given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("limit", 500).when()
                .get("/subscriptions/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    /** An invasive species of another group than the INSECT of {@link ObservationEvents#invasive}. */
    private static SpeciesSnapshot invasivePlant(long id) {
        return new SpeciesSnapshot(id, "Solidago canadensis " + id, "加拿大一枝黄花", "Canada goldenrod", "PLANT", "NONE",
                true, false);
    }

    @Test
    void a_subscription_filtered_by_group_gets_the_alerts_of_that_group_and_no_others() {
        SpeciesSnapshot plant = invasivePlant(newSpeciesId());
        SpeciesSnapshot insect = invasive(newSpeciesId());
        assertEquals("INSECT", insect.group());
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            // Only the group criterion: any INSECT alert matches, whatever its species, county or rule.
            String subscription = subscribe(receiver.url(), "group-secret-0123456789", Map.of("groups", List.of("INSECT")));

            events.recorded(observation(plant, JIEFANG));
            Object plantAlert = awaitAlerts(plant.id(), 1).get(0).get("id");
            // A delivery is written in the transaction of its alert change: had the PLANT alert matched, its
            // delivery would exist now. The INSECT alert comes second, so once it is delivered, both are settled.
            events.recorded(observation(insect, JIEFANG));
            Object insectAlert = awaitAlerts(insect.id(), 1).get(0).get("id");

            List<Map<String, Object>> delivered = await().atMost(Duration.ofSeconds(15))
                    .until(() -> deliveries(subscription), d -> d.stream().anyMatch(x -> insectAlert.equals(x.get("alertId"))
                            && "DELIVERED".equals(x.get("status"))));
            assertFalse(delivered.stream().anyMatch(d -> plantAlert.equals(d.get("alertId"))),
                    "the PLANT alert is not delivered to an INSECT subscription: " + delivered);

            // Delivery is at least once (a try that outlasts the 1 s test timeout is sent again, same eventId):
            // one event, counted as subscribers deduplicate it.
            List<String> insectBodies = receiver.received().stream().map(WebhookReceiver.Received::body)
                    .filter(body -> JsonPath.from(body).getLong("data.speciesId") == insect.id())
                    .collect(Collectors.toMap(body -> JsonPath.from(body).getString("eventId"), body -> body,
                            (first, again) -> first, LinkedHashMap::new))
                    .values().stream().toList();
            assertEquals(1, insectBodies.size());
            assertEquals("INSECT", JsonPath.from(insectBodies.get(0)).getString("data.speciesGroup"));
            assertEquals("AlertRaised", JsonPath.from(insectBodies.get(0)).getString("type"));
            assertFalse(receiver.received().stream().anyMatch(r -> JsonPath.from(r.body()).getLong("data.speciesId")
                    == plant.id()), "the receiver never got the PLANT alert");
        }
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
