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
        double lon = 112.5 + column * 0.01;
        double lat = 34.8 + row * 0.01;
        double size = 0.008; // 0.002° gaps between neighbours
        Polygon square = PlotGeometry.FACTORY.createPolygon(new Coordinate[] {new Coordinate(lon, lat),
                new Coordinate(lon + size, lat), new Coordinate(lon + size, lat + size), new Coordinate(lon, lat + size),
                new Coordinate(lon, lat)});
        PlotSnapshot snapshot = new PlotSnapshot(row + "-" + column, "grid", "410821", "TAIHANG", "FOREST", List.of("QUADRAT"),
                "ACTIVE", null, 60, null, null, 90, Instant.now());
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
        index.remove("0-0");
        assertTrue(index.locate(34.804, 112.504).isEmpty());
        assertEquals(SIDE * SIDE - 1, index.size());
    }
}
