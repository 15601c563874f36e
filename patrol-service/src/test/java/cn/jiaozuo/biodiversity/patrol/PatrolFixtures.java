package cn.jiaozuo.biodiversity.patrol;

import static io.restassured.RestAssured.given;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Patrol requests for tests: a walk near 云台山 (修武县), fresh uuid and ranger each time. */
final class PatrolFixtures {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** A morning in the past, so that no rule about the future interferes. */
    static final OffsetDateTime START = OffsetDateTime.of(2025, 5, 14, 7, 30, 0, 0, CHINA);
    static final double LAT = 35.40;
    static final double LON = 113.35;

    private PatrolFixtures() {
    }

    static String ranger() {
        return "ranger-" + UUID.randomUUID();
    }

    /** {@code points} fixes one minute apart, walking north-east at about 4 km/h (47 m a minute). */
    static List<List<Double>> walk(int points) {
        List<List<Double>> positions = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            positions.add(List.of(LON + i * 0.0003, LAT + i * 0.0003));
        }
        return positions;
    }

    static List<String> minutes(OffsetDateTime from, int points) {
        List<String> times = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            times.add(from.plusMinutes(i).toString());
        }
        return times;
    }

    static Map<String, Object> track(OffsetDateTime start, int points) {
        Map<String, Object> track = new HashMap<>();
        track.put("type", "LineString");
        track.put("coordinates", walk(points));
        track.put("times", minutes(start, points));
        return track;
    }

    static Map<String, Object> incident() {
        return incident(START);
    }

    static Map<String, Object> incident(OffsetDateTime start) {
        Map<String, Object> incident = new HashMap<>();
        incident.put("type", "SNARE");
        incident.put("actionTaken", "REMOVED");
        incident.put("speciesId", 12);
        incident.put("location", Map.of("lat", LAT + 0.003, "lon", LON + 0.003));
        incident.put("observedAt", start.plusMinutes(10).toString());
        incident.put("count", 3);
        incident.put("notes", "三处钢丝套，已拆除");
        incident.put("media", List.of(Map.of("url", "https://media.example.cn/snare.jpg")));
        return incident;
    }

    /** A 20-minute walk of 21 fixes by {@code ranger} with one snare. */
    static Map<String, Object> patrol(String ranger) {
        return patrol(ranger, START);
    }

    /** The same walk starting at {@code start}. */
    static Map<String, Object> patrol(String ranger, OffsetDateTime start) {
        Map<String, Object> body = new HashMap<>();
        body.put("uuid", UUID.randomUUID().toString());
        body.put("mandate", "ROUTINE");
        body.put("transport", "FOOT");
        body.put("countyCode", "410821");
        body.put("team", List.of(ranger, "ranger-partner-" + UUID.randomUUID()));
        body.put("startedAt", start.toString());
        body.put("endedAt", start.plus(Duration.ofMinutes(20)).toString());
        body.put("track", track(start, 21));
        body.put("notes", "沿茱萸峰北坡巡护");
        body.put("incidents", new ArrayList<>(List.of(incident(start))));
        return body;
    }

    /**
     * 22:00 in China on the last day of a random month between 1900 and 2020: the hours around it are a window of time
     * no other test writes into (one in 1,440 months).
     */
    static OffsetDateTime randomMonthEnd() {
        OffsetDateTime month = OffsetDateTime.of(1900, 1, 1, 22, 0, 0, 0, CHINA).plusMonths((long) (Math.random() * 1_440));
        return month.withDayOfMonth(month.toLocalDate().lengthOfMonth());
    }

    static ValidatableResponse post(String ranger, Object body) {
        return given().header("Authorization", TestTokens.bearer(Roles.RANGER, ranger)).contentType(ContentType.JSON).body(body)
                .when().post("/patrols").then();
    }
}
