package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.observation.config.PlotIndexConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Active sampling plots in an in-memory R-tree, so intake finds the plot of a point without a
 * query. The tree is rebuilt from the read-model table ({@code plot_area}) at startup, right after
 * this instance's consumer commits a plot change, and when another instance's change shows up in
 * the table's version. A built STRtree is only read, so lookups need no lock: a rebuild swaps in a
 * new tree through a volatile field.
 */
@ApplicationScoped
public class PlotIndex {

    private static final Logger LOG = Logger.getLogger(PlotIndex.class);

    /** The plot a point lies in. */
    public record PlotMatch(String code, String countyCode) {
    }

    private record Entry(String code, String countyCode, Geometry geometry) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final PlotIndexConfig config;
    private volatile STRtree tree = emptyTree();
    private volatile long loadedVersion = Long.MIN_VALUE;
    private ScheduledExecutorService executor;

    public PlotIndex(AgroalDataSource dataSource, ObjectMapper json, PlotIndexConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "plot-index");
            t.setDaemon(true);
            return t;
        });
        refreshIfChanged();
        long every = config.refreshInterval().toMillis();
        executor.scheduleWithFixedDelay(this::refreshIfChanged, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The active plot containing the point (the lowest code if plots overlap). */
    @SuppressWarnings("unchecked")
    public Optional<PlotMatch> locate(double lat, double lon) {
        Point point = GeoJson.point(lat, lon);
        List<Entry> candidates = tree.query(new Envelope(point.getCoordinate()));
        return candidates.stream()
                .filter(e -> e.geometry().covers(point))
                .min(Comparator.comparing(Entry::code))
                .map(e -> new PlotMatch(e.code(), e.countyCode()));
    }

    /** Asks for a rebuild from the table without waiting (called after a plot change committed). */
    public void refreshSoon() {
        if (executor != null) {
            executor.execute(this::refreshIfChanged);
        }
    }

    synchronized void refreshIfChanged() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long version;
            try (ResultSet rs = s.executeQuery("select coalesce(max(version), 0) from plot_area")) {
                rs.next();
                version = rs.getLong(1);
            }
            if (version == loadedVersion) {
                return;
            }
            STRtree next = new STRtree();
            int count = 0;
            try (ResultSet rs = s.executeQuery("select code, county_code, geometry_json from plot_area where status = 'ACTIVE'")) {
                while (rs.next()) {
                    try {
                        Geometry geometry = GeoJson.parse(json.readTree(rs.getString(3)));
                        next.insert(geometry.getEnvelopeInternal(), new Entry(rs.getString(1), rs.getString(2), geometry));
                        count++;
                    } catch (Exception e) {
                        LOG.warnf("Plot %s has an unreadable geometry and is not matched: %s", rs.getString(1), e.getMessage());
                    }
                }
            }
            next.build(); // build now: a lazily built tree would be built by concurrent readers
            tree = next;
            loadedVersion = version;
            LOG.debugf("Plot index rebuilt with %d active plots (version %d)", count, version);
        } catch (Exception e) {
            LOG.warnf("Plot index not refreshed, keeping the previous one: %s", e.toString());
        }
    }

    private static STRtree emptyTree() {
        STRtree empty = new STRtree();
        empty.build();
        return empty;
    }
}
