package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The active plots in memory for {@code GET /plots/locate}: an STR-tree over their envelopes finds the
 * few candidates, a prepared geometry answers the exact {@code covers} test (a point on the boundary
 * belongs to the plot). An STR-tree cannot change once queried, so each change builds a new tree and
 * swaps it in; readers never lock. Changes made through this instance apply when their transaction
 * commits; a periodic reload picks up changes made through other instances.
 */
@ApplicationScoped
public class PlotIndex {

    private static final Logger LOG = Logger.getLogger(PlotIndex.class);

    /** One indexed plot. */
    public record Entry(PlotSnapshot plot, Geometry geometry, PreparedGeometry prepared) {
    }

    private final PlotConfig config;
    private final PlotSnapshots loader;
    private final Map<String, Entry> entries = new HashMap<>();
    /** The newest change time applied per plot code, active or retired. */
    private final Map<String, Instant> known = new HashMap<>();
    private volatile STRtree tree = emptyTree();
    private BackgroundLoop refresher;

    public PlotIndex(PlotConfig config, PlotSnapshots loader) {
        this.config = config;
        this.loader = loader;
    }

    /** Loads the active plots of the database; the index is complete once the service is up. */
    void start(@Observes StartupEvent event) {
        reload();
        // A failed reload keeps the current index; the loop retries with back-off, never slower than the interval.
        refresher = BackgroundLoop.named("plot-index-refresh")
                .every(config.indexRefresh())
                .backoff(Backoff.upTo(config.indexRefresh()))
                .waitFirst()
                .build(() -> {
                    reload();
                    return false;
                });
        refresher.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.stop();
        }
    }

    /**
     * Replaces the whole index with the database's active plots. The read happens under the same lock
     * as {@link #put}/{@link #remove}, so a commit that lands meanwhile is either in the read or applied after it.
     */
    public synchronized void reload() {
        replaceAll(loader.activePlots());
        LOG.debugf("Plot index holds %d active plots", entries.size());
    }

    /** Replaces the whole index with the given plots (one tree build, however many plots). */
    public synchronized void replaceAll(Collection<Entry> plots) {
        entries.clear();
        for (Entry e : plots) {
            entries.put(e.plot().code(), e);
            if (e.plot().updatedAt() != null) {
                known.merge(e.plot().code(), e.plot().updatedAt(), (a, b) -> b.isAfter(a) ? b : a);
            }
        }
        rebuild();
    }

    /**
     * Adds or replaces an active plot (call after its transaction committed). Commit hooks of two quick
     * changes to one plot may run out of order, so a snapshot older than what the index already knows
     * of that plot — including its retirement — is ignored.
     */
    public synchronized void put(PlotSnapshot plot, Geometry geometry) {
        if (isStale(plot.code(), plot.updatedAt())) {
            return;
        }
        known.put(plot.code(), plot.updatedAt());
        entries.put(plot.code(), entry(plot, geometry));
        rebuild();
    }

    /** Drops a plot retired at {@code retiredAt} (call after its transaction committed). */
    public synchronized void remove(String code, Instant retiredAt) {
        if (isStale(code, retiredAt)) {
            return;
        }
        known.put(code, retiredAt);
        if (entries.remove(code) != null) {
            rebuild();
        }
    }

    private boolean isStale(String code, Instant changedAt) {
        Instant newest = known.get(code);
        return newest != null && changedAt != null && newest.isAfter(changedAt);
    }

    /** The active plots covering the point, by code. */
    public List<PlotSnapshot> locate(double lat, double lon) {
        Point point = PlotGeometry.FACTORY.createPoint(new Coordinate(lon, lat));
        List<PlotSnapshot> found = new ArrayList<>();
        for (Object candidate : tree.query(point.getEnvelopeInternal())) {
            Entry e = (Entry) candidate;
            if (e.prepared().covers(point)) {
                found.add(e.plot());
            }
        }
        found.sort(Comparator.comparing(PlotSnapshot::code));
        return found;
    }

    public int size() {
        return tree.size();
    }

    public static Entry entry(PlotSnapshot plot, Geometry geometry) {
        return new Entry(plot, geometry, PreparedGeometryFactory.prepare(geometry));
    }

    private void rebuild() {
        STRtree next = new STRtree();
        Collection<Entry> all = entries.values();
        for (Entry e : all) {
            next.insert(e.geometry().getEnvelopeInternal(), e);
        }
        next.build();
        tree = next;
    }

    private static STRtree emptyTree() {
        STRtree t = new STRtree();
        t.build();
        return t;
    }
}
