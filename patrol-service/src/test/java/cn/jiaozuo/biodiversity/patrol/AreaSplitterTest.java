package cn.jiaozuo.biodiversity.patrol;

import cn.jiaozuo.biodiversity.common.geo.GeoJsonShapes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.patrol.domain.Area;
import cn.jiaozuo.biodiversity.patrol.domain.AreaKind;
import cn.jiaozuo.biodiversity.patrol.domain.AreaSplit;
import cn.jiaozuo.biodiversity.patrol.domain.AreaSplitter;
import cn.jiaozuo.biodiversity.patrol.domain.TrackPoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;

/** How a kept track is split by outlines: lengths against GeographicLib, time by the share of each leg, lines kept apart. */
class AreaSplitterTest {

    private static final Instant T0 = Instant.parse("2025-05-14T00:00:00Z");

    private static Area area(String id, String geometry) throws Exception {
        return Area.of(AreaKind.PROTECTED_AREA, id, id, GeoJsonShapes.parse(new ObjectMapper().readTree(geometry)));
    }

    @Test
    void a_diagonal_leg_is_cut_where_it_crosses_the_outline_and_a_hole_is_outside() throws Exception {
        // One leg from (35.00, 113.00) to (35.10, 113.10) in 100 minutes, through a box (lat 35.02–35.06) with a hole
        // (lat 35.03–35.04) where the leg passes: it is inside twice.
        Area reserve = area("r", "{\"type\": \"Polygon\", \"coordinates\": [[[112.9,35.02],[113.2,35.02],[113.2,35.06],[112.9,35.06],[112.9,35.02]],"
                + "[[112.95,35.03],[113.15,35.03],[113.15,35.04],[112.95,35.04],[112.95,35.03]]]}");
        List<List<TrackPoint>> track = List.of(List.of(new TrackPoint(35.00, 113.00, T0), new TrackPoint(35.10, 113.10, T0.plusSeconds(6000))));
        AreaSplit split = AreaSplitter.split(track, List.of(reserve)).get(0);
        // On the leg (planar in degrees, as the split is) lat − 35 = lon − 113: the bands are crossed at 0.02–0.03 and 0.04–0.06.
        double expected = Geodesic.WGS84.Inverse(35.02, 113.02, 35.03, 113.03).s12 + Geodesic.WGS84.Inverse(35.04, 113.04, 35.06, 113.06).s12;
        assertEquals(expected, split.distanceM(), 0.05);
        double leg = Geodesic.WGS84.Inverse(35.00, 113.00, 35.10, 113.10).s12;
        assertEquals(6000 * expected / leg, split.durationS(), 1.0, "the leg's time in proportion to the length inside");
    }

    @Test
    void lines_are_not_joined_points_without_times_add_no_time_and_areas_not_entered_are_left_out() throws Exception {
        Area box = area("box", TestAreas.box(35.0, 35.1, 113.0, 113.1));
        Area far = area("far", TestAreas.box(35.5, 35.6, 113.5, 113.6));
        // Two lines, each inside the box, the jump between them across it is not walked.
        List<List<TrackPoint>> track = List.of(
                List.of(new TrackPoint(35.01, 113.01, null), new TrackPoint(35.02, 113.01, null)),
                List.of(new TrackPoint(35.08, 113.09, null), new TrackPoint(35.09, 113.09, null)));
        List<AreaSplit> splits = AreaSplitter.split(track, List.of(box, far));
        assertEquals(1, splits.size());
        double expected = Geodesic.WGS84.Inverse(35.01, 113.01, 35.02, 113.01).s12 + Geodesic.WGS84.Inverse(35.08, 113.09, 35.09, 113.09).s12;
        assertEquals(expected, splits.get(0).distanceM(), 0.01);
        assertEquals(0, splits.get(0).durationS());
    }

    @Test
    void standing_still_inside_counts_its_time() throws Exception {
        Area box = area("box", TestAreas.box(35.0, 35.1, 113.0, 113.1));
        List<TrackPoint> line = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            line.add(new TrackPoint(35.05, 113.05, T0.plusSeconds(60L * i)));
        }
        AreaSplit split = AreaSplitter.split(List.of(line), List.of(box)).get(0);
        assertEquals(0, split.distanceM());
        assertEquals(540, split.durationS(), 1e-9);
        assertTrue(AreaSplitter.split(List.of(line), List.of(area("far", TestAreas.box(35.5, 35.6, 113.5, 113.6)))).isEmpty());
    }
}
