package cn.jiaozuo.biodiversity.patrol;

import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.START;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.patrol;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.post;
import static cn.jiaozuo.biodiversity.patrol.PatrolFixtures.ranger;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spike removal as a recorded patrol reports it: the transport's configured top speed, every dropped point named. */
@QuarkusTest
class TrackCleaningTest {

    /** 21 fixes a minute apart, each 0.02° (2.2 km) further north: 133 km/h. */
    private static Map<String, Object> drive(String transport) {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        List<List<Double>> positions = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            positions.add(List.of(113.35, 34.95 + i * 0.02));
        }
        body.put("transport", transport);
        body.put("track", Map.of("type", "LineString", "coordinates", positions, "times", PatrolFixtures.minutes(START, 21)));
        body.put("incidents", List.of());
        body.put("ranger", ranger);
        return body;
    }

    @Test
    void a_drive_counts_in_a_vehicle_and_is_no_walk() {
        Map<String, Object> vehicle = drive("VEHICLE");
        post((String) vehicle.remove("ranger"), vehicle).statusCode(201).body("effort.maxSpeedKmh", equalTo(150f))
                .body("effort.keptPoints", equalTo(21)).body("effort.droppedPoints", equalTo(0));
        Map<String, Object> foot = drive("FOOT");
        post((String) foot.remove("ranger"), foot).statusCode(201).body("effort.maxSpeedKmh", equalTo(15f))
                .body("effort.keptPoints", equalTo(0)).body("effort.distanceKm", equalTo(0f))
                .body("droppedPoints", hasSize(21));
    }

    @Test
    void a_spike_and_points_outside_the_patrol_are_reported_by_position() {
        String ranger = ranger();
        Map<String, Object> body = patrol(ranger);
        List<List<Double>> positions = new ArrayList<>(PatrolFixtures.walk(21));
        positions.set(7, List.of(113.35, 35.50)); // 11 km off for one minute
        List<String> times = new ArrayList<>(PatrolFixtures.minutes(START, 21));
        times.set(20, START.plusHours(5).toString()); // the unit left on after the patrol
        times.set(0, null);
        body.put("track", Map.of("type", "MultiLineString", "coordinates", List.of(positions), "times", List.of(times)));
        post(ranger, body).statusCode(201).body("effort.trackPoints", equalTo(21)).body("effort.keptPoints", equalTo(18))
                .body("droppedPoints.index", equalTo(List.of(0, 7, 20)))
                .body("droppedPoints.reason", equalTo(List.of("NO_TIME", "SPEED", "OUTSIDE_PATROL_TIME")))
                .body("droppedPoints[1].location.lat", equalTo(35.5f)).body("droppedPoints[1].segment", equalTo(0));
    }
}
