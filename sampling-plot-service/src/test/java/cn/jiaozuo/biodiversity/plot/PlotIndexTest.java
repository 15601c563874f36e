package cn.jiaozuo.biodiversity.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.plot.domain.PlotGeometry;
import cn.jiaozuo.biodiversity.plot.domain.PlotIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/** The in-memory spatial index stays exact and fast with thousands of plots (no application needed). */
class PlotIndexTest {

    private static final int SIDE = 80; // 80 × 80 = 6 400 plots

    private static PlotIndex.Entry plot(int row, int column) {
        return plot(row, column, Instant.now());
    }

    private static PlotIndex.Entry plot(int row, int column, Instant updatedAt) {
        double lon = 112.5 + column * 0.01;
        double lat = 34.8 + row * 0.01;
        double size = 0.008; // 0.002° gaps between neighbours
        Polygon square = PlotGeometry.FACTORY.createPolygon(new Coordinate[] {new Coordinate(lon, lat),
                new Coordinate(lon + size, lat), new Coordinate(lon + size, lat + size), new Coordinate(lon, lat + size),
                new Coordinate(lon, lat)});
        PlotSnapshot snapshot = new PlotSnapshot(row + "-" + column, "grid", "410821", "TAIHANG", "FOREST", List.of("QUADRAT"),
                "ACTIVE", null, 60, null, null, 90, updatedAt);
        return PlotIndex.entry(snapshot, square);
    }

    private static PlotIndex grid() {
        List<PlotIndex.Entry> entries = new ArrayList<>();
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                entries.add(plot(r, c));
            }
        }
        PlotIndex index = new PlotIndex(null, null);
        index.replaceAll(entries);
        return index;
    }

    @Test
    void every_point_is_matched_to_exactly_the_plot_that_covers_it() {
        PlotIndex index = grid();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 2_000; i++) {
            int r = random.nextInt(SIDE);
            int c = random.nextInt(SIDE);
            double lat = 34.8 + r * 0.01 + random.nextDouble(0.0001, 0.0079);
            double lon = 112.5 + c * 0.01 + random.nextDouble(0.0001, 0.0079);
            List<PlotSnapshot> found = index.locate(lat, lon);
            assertEquals(1, found.size());
            assertEquals(r + "-" + c, found.get(0).code());
            // In the gap east of the plot: nothing.
            assertTrue(index.locate(lat, 112.5 + c * 0.01 + 0.009).isEmpty());
        }
    }

    @Test
    void ten_thousand_lookups_over_6400_plots_take_well_under_a_second() {
        PlotIndex index = grid();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 2_000; i++) { // warm-up for the JIT
            index.locate(random.nextDouble(34.8, 35.6), random.nextDouble(112.5, 113.3));
        }
        long start = System.nanoTime();
        int matched = 0;
        for (int i = 0; i < 10_000; i++) {
            matched += index.locate(random.nextDouble(34.8, 35.6), random.nextDouble(112.5, 113.3)).size();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // A linear scan with exact tests would take seconds; the STR-tree answers in microseconds each.
        assertTrue(millis < 1_000, "10 000 lookups took " + millis + " ms");
        assertTrue(matched > 5_000, "about 64 % of random points lie in a plot, got " + matched);
    }

    @Test
    void a_removed_plot_is_no_longer_located() {
        PlotIndex index = grid();
        assertEquals(1, index.locate(34.804, 112.504).size());
        index.remove("0-0", Instant.now());
        assertTrue(index.locate(34.804, 112.504).isEmpty());
        assertEquals(SIDE * SIDE - 1, index.size());
    }

    @Test
    void an_older_change_applied_late_does_not_overwrite_a_newer_one_nor_revive_a_retired_plot() {
        PlotIndex index = new PlotIndex(null, null);
        Instant t1 = Instant.parse("2025-05-01T00:00:00Z");
        Instant t2 = t1.plusSeconds(1);
        Instant t3 = t2.plusSeconds(1);
        PlotIndex.Entry atOrigin = plot(0, 0, t1);
        PlotIndex.Entry moved = plot(5, 5, t2);
        // The same code at a new place: rename the moved entry's snapshot to the original code.
        PlotSnapshot movedSnapshot = new PlotSnapshot("0-0", "grid", "410821", "TAIHANG", "FOREST", List.of("QUADRAT"), "ACTIVE",
                null, 60, null, null, 90, t2);
        index.put(movedSnapshot, moved.geometry());
        index.put(atOrigin.plot(), atOrigin.geometry()); // the older change's hook runs last
        assertEquals(List.of("0-0"), index.locate(34.854, 112.554).stream().map(PlotSnapshot::code).toList());
        assertTrue(index.locate(34.804, 112.504).isEmpty());

        index.remove("0-0", t3);
        index.put(movedSnapshot, moved.geometry()); // a late hook of the change before retirement
        assertTrue(index.locate(34.854, 112.554).isEmpty());
        assertEquals(0, index.size());
    }
}
