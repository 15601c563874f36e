package cn.jiaozuo.biodiversity.alert;

import static cn.jiaozuo.biodiversity.alert.ObservationEvents.CST;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.JIEFANG;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.WUZHI;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.awaitAlerts;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.invasive;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.newSpeciesId;
import static cn.jiaozuo.biodiversity.alert.ObservationEvents.observation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GET /alerts: filters and keyset pagination. */
@QuarkusTest
class AlertListingTest {

    @Inject
    ObjectMapper json;

    private static JsonPath page(Map<String, Object> query) {
        return given().header("Authorization", TestTokens.bearer(Roles.REVIEWER)).queryParams(query).when()
                .get("/alerts").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void pages_follow_the_cursor_without_gaps_or_repeats() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        try (ObservationEvents events = new ObservationEvents(json)) {
            for (JiaozuoCounty county : JiaozuoCounty.values()) {
                events.recorded(observation(species, county.code()));
            }
        }
        awaitAlerts(species.id(), 10);

        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = new java.util.HashMap<>(Map.of("speciesId", species.id(), "limit", 4));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = page(query);
            List<String> ids = page.getList("items.id");
            sizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(10, seen.size());
    }

    @Test
    void filters_combine() {
        SpeciesSnapshot species = invasive(newSpeciesId());
        OffsetDateTime june = OffsetDateTime.of(2026, 6, 10, 9, 0, 0, 0, CST);
        try (ObservationEvents events = new ObservationEvents(json)) {
            events.recorded(observation(species, JIEFANG, null, june));
            events.recorded(observation(species, WUZHI, null, june.plusMonths(1)));
        }
        awaitAlerts(species.id(), 2);

        assertEquals(List.of(WUZHI), page(Map.of("speciesId", species.id(), "countyCode", WUZHI)).getList("items.countyCode"));
        assertEquals(List.of(JIEFANG), page(Map.of("speciesId", species.id(), "from", "2026-06-01T00:00:00+08:00",
                "to", "2026-07-01T00:00:00+08:00")).getList("items.countyCode"));
        assertEquals(2, page(Map.of("speciesId", species.id(), "status", "OPEN", "severity", "CRITICAL",
                "rule", "INVASIVE_SPECIES")).getList("items").size());
        assertEquals(0, page(Map.of("speciesId", species.id(), "status", "RESOLVED")).getList("items").size());
        assertNull(page(Map.of("speciesId", species.id())).getString("nextCursor"));
    }

    @Test
    void invalid_filters_and_cursors_are_400_problems_naming_the_fields() {
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU))
                .queryParams(Map.of("status", "CLOSED", "severity", "LOW", "countyCode", "110101", "speciesId", "x",
                        "from", "yesterday", "limit", "0"))
                .when().get("/alerts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("status", "severity", "countyCode", "speciesId", "from", "limit"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("cursor", "not-a-cursor")
                .when().get("/alerts").then().statusCode(400).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void enum_filters_are_exact_names_and_a_bad_cursor_is_reported_with_every_other_mistake() {
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU))
                .queryParams(Map.of("status", "open", "rule", "invasive_species", "speciesId", "0", "limit", "+5",
                        "cursor", "not-a-cursor"))
                .when().get("/alerts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("cursor", "limit", "rule", "speciesId", "status"))
                .body("violations.find { it.field == 'status' }.message",
                        equalTo("must be one of OPEN, ACKNOWLEDGED, RESOLVED"));
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).queryParam("severity", "Critical")
                .when().get("/alerts/stream").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("severity"));
    }
}
