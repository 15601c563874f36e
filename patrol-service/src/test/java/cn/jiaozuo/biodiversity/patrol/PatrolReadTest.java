package cn.jiaozuo.biodiversity.patrol;

import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.patrol;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.post;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.ranger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.patrol.api.GpxReader;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading patrols: who sees tracks and incidents, the GPX and GeoJSON exports, filters and keyset pages. */
@QuarkusTest
class PatrolReadTest {

    private static RequestSpecification as(String role, String subject) {
        return given().header("Authorization", TestTokens.bearer(role, subject));
    }

    @SuppressWarnings("unchecked")
    private static String recorded(String ranger, String partner) {
        Map<String, Object> body = patrol(ranger);
        body.put("team", List.of(ranger, partner));
        post(ranger, body).statusCode(201);
        return (String) body.get("uuid");
    }

    @Test
    void the_team_and_the_bureaus_see_the_track_other_rangers_the_summary() {
        String ranger = ranger();
        String partner = ranger();
        String uuid = recorded(ranger, partner);
        for (String[] full : new String[][] {{Roles.RANGER, ranger}, {Roles.RANGER, partner}, {Roles.REVIEWER, "reviewer-1"},
                {Roles.BUREAU, "bureau-1"}, {Roles.ADMIN, "admin-1"}}) {
            as(full[0], full[1]).when().get("/patrols/" + uuid).then().statusCode(200).body("detail", equalTo("FULL"))
                    .body("track.coordinates[0]", hasSize(21)).body("incidents", hasSize(1)).body("notes", notNullValue());
        }
        as(Roles.RANGER, ranger()).when().get("/patrols/" + uuid).then().statusCode(200).body("detail", equalTo("SUMMARY"))
                .body("track", nullValue()).body("incidents", nullValue()).body("droppedPoints", nullValue())
                .body("notes", nullValue()).body("incidentCount", equalTo(1)).body("effort.keptPoints", equalTo(21));
        as(Roles.STATION, "station-1").when().get("/patrols/" + uuid).then().statusCode(403);
        given().when().get("/patrols/" + uuid).then().statusCode(401);
        as(Roles.BUREAU, "bureau-1").when().get("/patrols/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(Roles.BUREAU, "bureau-1").when().get("/patrols/not-a-uuid").then().statusCode(400)
                .body("violations[0].field", equalTo("uuid"));
    }

    @Test
    void the_gpx_export_reads_back_as_the_kept_track_with_incidents_as_waypoints() throws Exception {
        String ranger = ranger();
        String uuid = recorded(ranger, ranger());
        byte[] file = as(Roles.RANGER, ranger).when().get("/patrols/" + uuid + ".gpx").then().statusCode(200)
                .contentType("application/gpx+xml").extract().asByteArray();
        GpxReader.GpxContent gpx = GpxReader.read(file);
        assertEquals(21, gpx.pointCount());
        assertEquals(1, gpx.waypoints().size());
        assertEquals("SNARE", gpx.waypoints().get(0).name());
        assertEquals(PatrolFixtures.START.toInstant(), gpx.first());
        as(Roles.RANGER, ranger()).when().get("/patrols/" + uuid + ".gpx").then().statusCode(404);
    }

    @Test
    void the_geojson_export_holds_the_track_and_the_incidents() {
        String uuid = recorded(ranger(), ranger());
        as(Roles.BUREAU, "bureau-1").when().get("/patrols/" + uuid + ".geojson").then().statusCode(200)
                .contentType("application/geo+json").body("type", equalTo("FeatureCollection"))
                .body("features", hasSize(2)).body("features[0].geometry.type", equalTo("MultiLineString"))
                .body("features[0].properties.kind", equalTo("track")).body("features[0].id", equalTo(uuid))
                .body("features[1].geometry.type", equalTo("Point")).body("features[1].properties.type", equalTo("SNARE"));
        as(Roles.RANGER, ranger()).when().get("/patrols/" + uuid + ".geojson").then().statusCode(404);
    }

    @Test
    void a_rangers_patrols_come_in_keyset_pages_of_summaries_newest_first() {
        String ranger = ranger();
        List<String> uuids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = patrol(ranger, PatrolFixtures.START.minusDays(i));
            post(ranger, body).statusCode(201);
            uuids.add((String) body.get("uuid"));
        }
        String cursor = as(Roles.RANGER, ranger).queryParam("ranger", ranger).queryParam("limit", 2).when().get("/patrols")
                .then().statusCode(200).body("items.uuid", equalTo(uuids.subList(0, 2)))
                .body("items.detail", everyItem(equalTo("SUMMARY"))).body("items.track", everyItem(nullValue()))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(Roles.RANGER, ranger).queryParam("ranger", ranger).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/patrols").then().statusCode(200).body("items.uuid", equalTo(uuids.subList(2, 3)))
                .body("nextCursor", nullValue());
        as(Roles.BUREAU, "bureau-1").queryParam("ranger", ranger).queryParam("from", PatrolFixtures.START.minusDays(1).toString())
                .queryParam("to", PatrolFixtures.START.plusMinutes(1).toString()).queryParam("countyCode", "410821")
                .queryParam("mandate", "ROUTINE").when().get("/patrols").then().statusCode(200)
                .body("items.uuid", equalTo(uuids.subList(0, 2)));
        as(Roles.BUREAU, "bureau-1").queryParam("ranger", ranger).queryParam("mandate", "FIRE_WATCH").when().get("/patrols")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void bad_filters_are_named() {
        as(Roles.BUREAU, "bureau-1").queryParam("limit", 0).queryParam("cursor", "bm90LWEtY3Vyc29y").queryParam("mandate", "routine")
                .queryParam("from", "yesterday").when().get("/patrols").then().statusCode(400)
                .body("violations.field", equalTo(List.of("cursor", "from", "limit", "mandate")));
    }
}
