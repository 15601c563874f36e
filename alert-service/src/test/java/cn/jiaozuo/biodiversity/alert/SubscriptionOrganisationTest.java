package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions belong to the organisation in the creator's token (claim org): a bureau user sees and
 * changes only their organisation's, another one's is 404; admins see all; a token without an org
 * cannot subscribe; the secret is never echoed anywhere.
 */
@QuarkusTest
class SubscriptionOrganisationTest extends ObservationEventsFixture {

    private final String orgA = "org-a-" + UUID.randomUUID();
    private final String orgB = "org-b-" + UUID.randomUUID();

    private static RequestSpecification as(String role, String org) {
        return given().header("Authorization", "Bearer " + TestTokens.token(role, role + "-" + org, org,
                Duration.ofHours(1)));
    }

    private static Map<String, Object> body(String url, String secret, Map<String, Object> filter) {
        return Map.of("name", "org test " + UUID.randomUUID(), "organization", "市林业局", "filter", filter,
                "webhook", Map.of("url", url, "secret", secret));
    }

    private static String create(String org, String secret) {
        return as(Roles.BUREAU, org).contentType("application/json")
                .body(body("https://hooks.example.org/" + org, secret, Map.of()))
                .when().post("/subscriptions").then().statusCode(201)
                .body("org", equalTo(org)).body("secretSet", equalTo(true))
                .body(not(containsString(secret))).extract().path("id");
    }

    @Test
    void a_bureau_user_sees_and_changes_only_their_organisations_subscriptions() {
        String a = create(orgA, "secret-of-a-" + UUID.randomUUID());
        String b = create(orgB, "secret-of-b-" + UUID.randomUUID());

        as(Roles.BUREAU, orgA).when().get("/subscriptions").then().statusCode(200)
                .body("id", hasItem(a)).body("id", not(hasItem(b))).body("org", everyItemIs(orgA));
        as(Roles.BUREAU, orgA).when().get("/subscriptions/" + a).then().statusCode(200).body("org", equalTo(orgA));

        // Another organisation's subscription is "not found", exactly like a missing one.
        String missing = UUID.randomUUID().toString();
        for (String id : List.of(b, missing)) {
            as(Roles.BUREAU, orgA).when().get("/subscriptions/" + id).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", equalTo("No subscription " + id));
            as(Roles.BUREAU, orgA).when().get("/subscriptions/" + id + "/deliveries").then().statusCode(404)
                    .contentType("application/problem+json");
            as(Roles.BUREAU, orgA).when().delete("/subscriptions/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        as(Roles.BUREAU, orgB).when().get("/subscriptions/" + b).then().statusCode(200); // B's survived A's delete

        as(Roles.BUREAU, orgB).when().delete("/subscriptions/" + b).then().statusCode(204);
        as(Roles.BUREAU, orgB).when().get("/subscriptions/" + b).then().statusCode(404);
    }

    @Test
    void the_deliveries_limit_is_a_whole_number_from_1_to_500() {
        String id = create(orgA, "secret-of-a-" + UUID.randomUUID());
        for (String limit : List.of("0", "501", "abc", "1.0", "+5")) {
            as(Roles.BUREAU, orgA).queryParam("limit", limit).when().get("/subscriptions/" + id + "/deliveries").then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("limit"));
        }
        as(Roles.BUREAU, orgA).queryParam("limit", "500").when().get("/subscriptions/" + id + "/deliveries").then()
                .statusCode(200);
    }

    @Test
    void an_admin_sees_every_organisations_subscriptions_and_may_delete_them() {
        String a = create(orgA, "secret-of-a-" + UUID.randomUUID());
        String b = create(orgB, "secret-of-b-" + UUID.randomUUID());

        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).when().get("/subscriptions").then()
                .statusCode(200).body("id", hasItems(a, b));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).when().get("/subscriptions/" + b).then()
                .statusCode(200).body("org", equalTo(orgB));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).when().delete("/subscriptions/" + a).then()
                .statusCode(204);
        as(Roles.BUREAU, orgA).when().get("/subscriptions/" + a).then().statusCode(404);
    }

    @Test
    void a_token_without_an_organisation_cannot_subscribe_and_sees_none() {
        String a = create(orgA, "secret-of-a-" + UUID.randomUUID());
        for (String role : List.of(Roles.BUREAU, Roles.ADMIN)) {
            as(role, null).contentType("application/json")
                    .body(body("https://hooks.example.org/x", "no-org-secret-0123456789", Map.of()))
                    .when().post("/subscriptions").then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("claim org"));
        }
        as(Roles.BUREAU, null).when().get("/subscriptions").then().statusCode(200).body("size()", equalTo(0));
        as(Roles.BUREAU, null).when().get("/subscriptions/" + a).then().statusCode(404);
        as(Roles.BUREAU, "").when().get("/subscriptions/" + a).then().statusCode(404);
    }

    @Test
    void the_secret_is_never_echoed_not_even_in_errors_or_deliveries() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        String secret = "write-only-" + UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            String id = as(Roles.BUREAU, orgA).contentType("application/json")
                    .body(body(receiver.url(), secret, Map.of("speciesIds", List.of(species.id()))))
                    .when().post("/subscriptions").then().statusCode(201).body("secretSet", equalTo(true))
                    .extract().path("id");

            events.recorded(observation(species, JIEFANG));
            await().atMost(Duration.ofSeconds(15)).until(() -> as(Roles.BUREAU, orgA)
                    .get("/subscriptions/" + id + "/deliveries").then().extract().jsonPath()
                    .getList("status").contains("DELIVERED"));

            List<String> bodies = List.of(
                    as(Roles.BUREAU, orgA).get("/subscriptions").then().statusCode(200).extract().asString(),
                    as(Roles.BUREAU, orgA).get("/subscriptions/" + id).then().statusCode(200).extract().asString(),
                    as(Roles.BUREAU, orgA).get("/subscriptions/" + id + "/deliveries").then().statusCode(200)
                            .extract().asString(),
                    given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/subscriptions").then()
                            .statusCode(200).extract().asString(),
                    as(Roles.BUREAU, orgA).contentType("application/json")
                            .body(body("http://169.254.169.254/", secret, Map.of("countyCodes", List.of("999999"))))
                            .post("/subscriptions").then().statusCode(400).extract().asString());
            for (String body : bodies) {
                assertFalse(body.contains(secret), body);
                assertFalse(body.contains("\"secret\""), body);
            }
            assertTrue(bodies.get(1).contains("\"secretSet\":true"));
            assertFalse(bodies.get(2).contains("\"payload\""), "deliveries do not repeat what was signed");
        }
    }

    private static org.hamcrest.Matcher<Iterable<? super String>> everyItemIs(String org) {
        return not(hasItem(not(equalTo(org))));
    }
}
