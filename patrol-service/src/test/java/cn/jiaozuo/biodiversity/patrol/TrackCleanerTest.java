package cn.jiaozuo.biodiversity.patrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.patrol.domain.CleanTrack;
import cn.jiaozuo.biodiversity.patrol.domain.DropReason;
import cn.jiaozuo.biodiversity.patrol.domain.DroppedPoint;
import cn.jiaozuo.biodiversity.patrol.domain.TrackCleaner;
import cn.jiaozuo.biodiversity.patrol.domain.TrackPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;

/** The spike filter alone: what is dropped, why, and what the kept track measures. */
class TrackCleanerTest {

    private static final Instant T0 = Instant.parse("2025-05-13T23:30:00Z");
    private static final double FOOT = 15;

    /** {@code n} fixes 10 s apart walking north at 1.11 m/s (0.0001° of latitude per fix). */
    private static List<TrackPoint> walk(int n) {
        List<TrackPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new TrackPoint(35.40 + i * 0.0001, 113.35, T0.plusSeconds(i * 10L)));
        }
        return points;
    }

    private static double length(List<TrackPoint> points) {
        double metres = 0;
        for (int i = 1; i < points.size(); i++) {
            metres += Geodesic.WGS84.Inverse(points.get(i - 1).lat(), points.get(i - 1).lon(), points.get(i).lat(),
                    points.get(i).lon()).s12;
        }
        return metres;
    }

    private static List<String> reasons(CleanTrack clean) {
        return clean.dropped().stream().map(d -> d.index() + ":" + d.reason()).toList();
    }

    @Test
    void a_clean_walk_keeps_every_point_and_measures_its_geodesic_length() {
        List<TrackPoint> walk = walk(50);
        CleanTrack clean = TrackCleaner.clean(List.of(walk), FOOT, null, null);
        assertEquals(50, clean.keptPoints());
        assertTrue(clean.dropped().isEmpty());
        assertTrue(clean.speedChecked());
        assertEquals(length(walk), clean.distanceM(), 1e-4);
    }

    @Test
    void a_single_spike_and_a_burst_of_two_are_dropped_for_speed() {
        List<TrackPoint> walk = new ArrayList<>(walk(40));
        walk.set(10, new TrackPoint(35.45, 113.35, walk.get(10).time()));
        walk.set(25, new TrackPoint(35.30, 113.40, walk.get(25).time()));
        walk.set(26, new TrackPoint(35.31, 113.40, walk.get(26).time()));
        CleanTrack clean = TrackCleaner.clean(List.of(walk), FOOT, null, null);
        assertEquals(List.of("10:SPEED", "25:SPEED", "26:SPEED"), reasons(clean));
        assertEquals(37, clean.keptPoints());
        List<TrackPoint> kept = new ArrayList<>(walk);
        kept.remove(26);
        kept.remove(25);
        kept.remove(10);
        assertEquals(length(kept), clean.distanceM(), 1e-4);
        assertEquals(0, clean.splits());
    }

    @Test
    void the_same_leg_is_a_spike_on_foot_and_a_drive_in_a_vehicle() {
        // 40 m a second: 144 km/h
        List<TrackPoint> drive = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            drive.add(new TrackPoint(35.40 + i * 0.0036, 113.35, T0.plusSeconds(i * 10L)));
        }
        assertEquals(10, TrackCleaner.clean(List.of(drive), 150, null, null).keptPoints());
        CleanTrack onFoot = TrackCleaner.clean(List.of(drive), FOOT, null, null);
        assertTrue(onFoot.keptPoints() < 10, "on foot the drive cannot be walked");
    }

    @Test
    void a_bad_first_fix_is_dropped_not_the_walk_after_it() {
        List<TrackPoint> walk = new ArrayList<>(walk(20));
        walk.set(0, new TrackPoint(35.70, 113.90, walk.get(0).time()));
        CleanTrack clean = TrackCleaner.clean(List.of(walk), FOOT, null, null);
        assertEquals(List.of("0:SPEED"), reasons(clean));
        assertEquals(19, clean.keptPoints());
    }

    @Test
    void a_jump_the_track_never_comes_back_from_splits_the_line_and_is_not_counted() {
        List<TrackPoint> morning = walk(20);
        List<TrackPoint> points = new ArrayList<>(morning);
        List<TrackPoint> afternoon = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            afternoon.add(new TrackPoint(35.60 + i * 0.0001, 113.50, morning.get(19).time().plusSeconds(60 + i * 10L)));
        }
        points.addAll(afternoon);
        CleanTrack clean = TrackCleaner.clean(List.of(points), FOOT, null, null);
        assertEquals(1, clean.splits());
        assertEquals(2, clean.lines().size());
        assertTrue(clean.dropped().isEmpty());
        assertEquals(length(morning) + length(afternoon), clean.distanceM(), 1e-4);
    }

    @Test
    void area_time_and_order_rules_name_their_reasons() {
        List<TrackPoint> walk = new ArrayList<>(walk(20));
        walk.set(3, new TrackPoint(0, 0, walk.get(3).time()));
        walk.set(5, new TrackPoint(walk.get(5).lat(), walk.get(5).lon(), null));
        walk.set(8, new TrackPoint(walk.get(8).lat(), walk.get(8).lon(), walk.get(7).time()));
        walk.set(19, new TrackPoint(walk.get(19).lat(), walk.get(19).lon(), T0.plusSeconds(7200)));
        CleanTrack clean = TrackCleaner.clean(List.of(walk), FOOT, T0.minusSeconds(60), T0.plusSeconds(3600));
        assertEquals(List.of("3:OUTSIDE_AREA", "5:NO_TIME", "8:TIME_NOT_INCREASING", "19:OUTSIDE_PATROL_TIME"), reasons(clean));
        DroppedPoint far = clean.dropped().get(0);
        assertEquals(0, far.segment());
        assertEquals(0, far.lat());
    }

    @Test
    void a_line_left_with_one_point_reports_it_as_isolated() {
        List<TrackPoint> two = List.of(new TrackPoint(35.40, 113.35, T0), new TrackPoint(0, 0, T0.plusSeconds(10)));
        CleanTrack clean = TrackCleaner.clean(List.of(walk(5), two), FOOT, null, null);
        assertEquals(List.of("0:ISOLATED", "1:OUTSIDE_AREA"),
                clean.dropped().stream().filter(d -> d.segment() == 1).map(d -> d.index() + ":" + d.reason()).toList());
        assertEquals(1, clean.lines().size());
        assertEquals(7, clean.pointCount());
    }

    @Test
    void without_times_only_the_area_rule_applies() {
        List<TrackPoint> points = new ArrayList<>();
        for (TrackPoint p : walk(10)) {
            points.add(new TrackPoint(p.lat(), p.lon(), null));
        }
        points.set(4, new TrackPoint(35.70, 113.90, null)); // a spike no speed can reveal
        CleanTrack clean = TrackCleaner.clean(List.of(points), FOOT, T0, T0.plusSeconds(60));
        assertFalse(clean.speedChecked());
        assertEquals(10, clean.keptPoints());
        assertEquals(length(points), clean.distanceM(), 1e-4);
    }
}
