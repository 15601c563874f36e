package cn.jiaozuo.biodiversity.patrol;

import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.ranger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GPX 1.1 uploads as a Garmin GPSMAP 66i writes them ({@link GarminGpx}): tracks, times and waypoints read, the
 * upload idempotent per file and ranger, a bad file a 400 that names the problem.
 */
@QuarkusTest
class GpxUploadTest {

    private static final String GPX = "application/gpx+xml";

    /** A unique file: its start time carries a random number of seconds. */
    private static GarminGpx garmin() {
        Instant start = Instant.parse("2025-05-13T23:30:00Z").plusSeconds((long) (Math.random() * 100_000));
        List<GarminGpx.Fix> first = new ArrayList<>(GarminGpx.walk(35.40, 113.35, start, 40, 10, 0.00005));
        // A multipath spike: 1.1 km off for one fix, then back on the path.
        GarminGpx.Fix spike = first.get(20);
        first.set(20, new GarminGpx.Fix(spike.lat() + 0.01, spike.lon(), spike.time()));
        return new GarminGpx()
                .waypoint("猎套 003", "钢丝套 x3", "Flag, Red", 35.4012, 113.3521, start.plusSeconds(200))
                .waypoint("001", null, "Flag, Blue", 35.4015, 113.3525, start.plusSeconds(300))
                .segment(first)
                .segment(GarminGpx.walk(35.41, 113.36, start.plusSeconds(1200), 20, 10, 0.00005));
    }

    private static RequestSpecification as(String ranger) {
        return given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger)).contentType(GPX)
                .queryParam("mandate", "TARGETED").queryParam("transport", "FOOT").queryParam("countyCode", "410821");
    }

    private static ValidatableResponse upload(String ranger, String xml) {
        return as(ranger).body(xml.getBytes(StandardCharsets.UTF_8)).when().post("/patrols/gpx").then();
    }

    @Test
    void a_garmin_file_becomes_a_patrol_with_its_spike_dropped_and_waypoints_as_candidates() {
        String ranger = ranger();
        upload(ranger, garmin().xml()).statusCode(201).header("Location", containsString("/patrols/"))
                .body("source", equalTo("GPX")).body("mandate", equalTo("TARGETED")).body("team", equalTo(List.of(ranger)))
                .body("effort.trackPoints", equalTo(60)).body("effort.keptPoints", equalTo(59))
                .body("effort.droppedPoints", equalTo(1)).body("droppedPoints[0].segment", equalTo(0))
                .body("droppedPoints[0].index", equalTo(20)).body("droppedPoints[0].reason", equalTo("SPEED"))
                .body("track.coordinates", hasSize(2)).body("incidentCount", equalTo(0))
                .body("candidates", hasSize(2)).body("candidates[0].name", equalTo("猎套 003"))
                .body("candidates[0].description", equalTo("钢丝套 x3")).body("candidates[0].symbol", equalTo("Flag, Red"))
                .body("candidates[0].suggestedType", equalTo("SNARE")).body("candidates[1].suggestedType", nullValue());
    }

    @Test
    void start_and_end_default_to_the_first_and_last_track_times() {
        String ranger = ranger();
        GarminGpx file = new GarminGpx().segment(GarminGpx.walk(35.40, 113.35, Instant.parse("2025-05-14T00:00:00Z")
                .plusSeconds((long) (Math.random() * 100_000) * 10), 10, 60, 0.0003));
        String xml = file.xml();
        String first = xml.substring(xml.indexOf("<trkpt"));
        first = first.substring(first.indexOf("<time>") + 6, first.indexOf("</time>"));
        upload(ranger, xml).statusCode(201).body("startedAt", equalTo(first)).body("effort.durationHours", equalTo(0.15f));
        as(ranger).queryParam("startedAt", "2025-05-13T07:00:00+08:00")
                .body(xml.replace("<ele>812.34</ele>", "<ele>812.35</ele>").getBytes(StandardCharsets.UTF_8))
                .when().post("/patrols/gpx").then().statusCode(201).body("startedAt", equalTo("2025-05-12T23:00:00Z"));
    }

    @Test
    void the_same_file_again_is_a_replay_other_details_a_409_another_ranger_a_new_patrol() {
        String ranger = ranger();
        String xml = garmin().xml();
        String uuid = upload(ranger, xml).statusCode(201).extract().path("uuid");
        upload(ranger, xml).statusCode(200).body("uuid", equalTo(uuid));
        as(ranger).queryParam("notes", "改了备注").body(xml.getBytes(StandardCharsets.UTF_8)).when().post("/patrols/gpx").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString(uuid));
        upload(ranger(), xml).statusCode(201).body("uuid", not(equalTo(uuid)));
    }

    @Test
    void a_file_that_is_not_gpx_is_a_400_on_body_naming_the_problem() {
        String ranger = ranger();
        String xml = garmin().xml();
        upload(ranger, xml.substring(0, xml.indexOf("</trkseg>"))).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].message", containsString("is not a GPX 1.1 file: "))
                .body("violations[0].message", containsString("ParseError at [row,col]"));
        upload(ranger, "{\"type\": \"LineString\"}").statusCode(400).body("violations[0].field", equalTo("body"));
        upload(ranger, "<?xml version=\"1.0\"?><gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"x\">"
                + "<wpt lat=\"35.4\" lon=\"113.35\"/></gpx>").statusCode(400)
                .body("violations[0].message", containsString("no track points"));
        as(ranger).when().post("/patrols/gpx").then().statusCode(400).body("violations[0].field", equalTo("body"));
    }

    @Test
    void an_external_entity_in_the_file_is_never_read() {
        upload(ranger(), "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"x\"><trk><name>&secret;</name>"
                + "<trkseg><trkpt lat=\"35.4\" lon=\"113.35\"/><trkpt lat=\"35.41\" lon=\"113.36\"/></trkseg></trk></gpx>")
                .statusCode(400).body(not(containsString("root:")));
    }

    @Test
    void missing_or_unknown_parameters_are_named() {
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger())).contentType(GPX)
                .queryParam("transport", "HORSE").queryParam("countyCode", "410821").queryParam("team", "a", "a")
                .body(garmin().xml().getBytes(StandardCharsets.UTF_8)).when().post("/patrols/gpx").then().statusCode(400)
                .body("violations.field", hasItems("mandate", "transport", "team[1]"));
        GarminGpx untimed = new GarminGpx().segment(List.of(new GarminGpx.Fix(35.40, 113.35, null),
                new GarminGpx.Fix(35.401, 113.351, null)));
        upload(ranger(), untimed.xml()).statusCode(400).body("violations.field", hasItems("startedAt", "endedAt"));
    }

    @Test
    void a_file_with_too_many_points_is_a_413_and_json_is_a_415() {
        GarminGpx huge = new GarminGpx().segment(GarminGpx.walk(35.40, 113.35, Instant.parse("2025-05-13T23:30:00Z"), 50_001, 1, 0.0000001));
        upload(ranger(), huge.xml()).statusCode(413).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger())).contentType("application/json")
                .body("{\"uuid\": \"" + UUID.randomUUID() + "\"}").when().post("/patrols/gpx").then().statusCode(415);
        given().header("Authorization", TestTokens.bearer(Roles.BUREAU)).contentType(GPX).body(garmin().xml())
                .when().post("/patrols/gpx").then().statusCode(403);
    }
}
