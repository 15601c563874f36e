package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.FALL_WEBWORM;
import static cn.jiaozuo.biodiversity.observation.Sightings.MACAQUE;
import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /observations: filters and keyset pagination, newest first. */
@QuarkusTest
class ObservationQueryTest {

    private static final OffsetDateTime BASE = OffsetDateTime.of(2025, 5, 1, 6, 0, 0, 0, ZoneOffset.ofHours(8));

    /** Records {@code n} sightings by a fresh observer, one hour apart; returns uuids oldest first. */
    private static List<String> recordSeries(String observer, int n, long speciesId, String method) {
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> body = with(with(sighting(speciesId), "observedAt", BASE.plusHours(i).toString()), "method", method);
            given().header("Authorization", TestTokens.bearer(Roles.RANGER, observer)).contentType(ContentType.JSON).body(body)
                    .when().post("/observations").then().statusCode(201);
            uuids.add((String) body.get("uuid"));
        }
        return uuids;
    }

    @Test
    void pages_run_newest_first_without_gaps_or_repeats() {
        String observer = "ranger-" + UUID.randomUUID();
        List<String> uuids = recordSeries(observer, 5, MACAQUE, "SIGHTING");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("observer", observer).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/observations").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.uuid", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(3, pages);
        assertEquals(List.of(uuids.get(4), uuids.get(3), uuids.get(2), uuids.get(1), uuids.get(0)), seen);
    }

    @Test
    void the_last_page_has_no_cursor() {
        String observer = "ranger-" + UUID.randomUUID();
        recordSeries(observer, 2, MACAQUE, "SIGHTING");
        given().queryParam("observer", observer).queryParam("limit", 2).when().get("/observations").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("nextCursor", nullValue());
        given().queryParam("observer", observer).queryParam("limit", 1).when().get("/observations").then().statusCode(200)
                .body("nextCursor", notNullValue());
    }

    @Test
    void filters_combine() {
        String observer = "ranger-" + UUID.randomUUID();
        List<String> macaques = recordSeries(observer, 2, MACAQUE, "SIGHTING");
        List<String> webworms = recordSeries(observer, 2, FALL_WEBWORM, "SIGN");

        given().queryParam("observer", observer).queryParam("speciesId", FALL_WEBWORM).when().get("/observations").then()
                .statusCode(200).body("items.uuid", equalTo(List.of(webworms.get(1), webworms.get(0))));
        given().queryParam("observer", observer).queryParam("method", "SIGHTING").when().get("/observations").then()
                .statusCode(200).body("items.uuid", equalTo(List.of(macaques.get(1), macaques.get(0))));
        given().queryParam("observer", observer).queryParam("countyCode", "410821").queryParam("status", "UNVERIFIED")
                .when().get("/observations").then().statusCode(200).body("items.size()", equalTo(4));
        given().queryParam("observer", observer).queryParam("countyCode", "410883").when().get("/observations").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void from_is_inclusive_and_to_exclusive() {
        String observer = "ranger-" + UUID.randomUUID();
        List<String> uuids = recordSeries(observer, 3, MACAQUE, "SIGHTING");
        given().queryParam("observer", observer)
                .queryParam("from", BASE.plusHours(1).toString()).queryParam("to", BASE.plusHours(2).toString())
                .when().get("/observations").then().statusCode(200).body("items.uuid", equalTo(List.of(uuids.get(1))));
    }

    @Test
    void a_limit_over_500_is_refused() {
        given().queryParam("limit", 501).when().get("/observations").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("limit"));
    }

    @Test
    void a_forged_cursor_is_refused() {
        given().queryParam("cursor", "bm90LWEtY3Vyc29y").when().get("/observations").then().statusCode(400)
                .body("violations.field", hasItem("cursor"));
    }

    @Test
    void unknown_filter_values_are_refused_by_name() {
        given().queryParam("status", "MAYBE").queryParam("method", "GUESS").queryParam("from", "yesterday")
                .queryParam("speciesId", "leopard").when().get("/observations").then().statusCode(400)
                .body("violations.field", equalTo(List.of("from", "method", "speciesId", "status")));
    }
}
