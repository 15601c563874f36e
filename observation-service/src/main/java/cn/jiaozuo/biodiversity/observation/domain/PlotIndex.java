package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.geo.GeoJsonShapes;
import cn.jiaozuo.biodiversity.observation.config.PlotIndexConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Active sampling plots in an in-memory R-tree, so intake finds the plot of a point without a
 * query: a {@link VersionedSnapshot} of the read-model table {@code plot_area}. A built STRtree is
 * only read, so lookups need no lock.
 */
@ApplicationScoped
public class PlotIndex extends VersionedSnapshot<STRtree> {

    private static final Logger LOG = Logger.getLogger(PlotIndex.class);

    /** The plot a point lies in. */
    public record PlotMatch(String code, String countyCode) {
    }

    private record Entry(String code, String countyCode, Geometry geometry) {
    }

    private final ObjectMapper json;
    private final PlotIndexConfig config;

    public PlotIndex(AgroalDataSource dataSource, ObjectMapper json, PlotIndexConfig config) {
        super(dataSource, "plot_area", emptyTree());
        this.json = json;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        startRefreshing("plot-index", config.refreshInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        stopRefreshing();
    }

    /** The active plot containing the point (the lowest code if plots overlap). */
    @SuppressWarnings("unchecked")
    public Optional<PlotMatch> locate(double lat, double lon) {
        Point point = GeoJsonShapes.point(lat, lon);
        List<Entry> candidates = current().query(new Envelope(point.getCoordinate()));
        return candidates.stream()
                .filter(e -> e.geometry().covers(point))
                .min(Comparator.comparing(Entry::code))
                .map(e -> new PlotMatch(e.code(), e.countyCode()));
    }

    @Override
    protected STRtree load(Statement statement) throws SQLException {
        STRtree next = new STRtree();
        try (ResultSet rs = statement.executeQuery("select code, county_code, geometry_json from plot_area where status = 'ACTIVE'")) {
            while (rs.next()) {
                try {
                    Geometry geometry = GeoJsonShapes.parse(json.readTree(rs.getString(3)));
                    next.insert(geometry.getEnvelopeInternal(), new Entry(rs.getString(1), rs.getString(2), geometry));
                } catch (Exception e) {
                    LOG.warnf("Plot %s has an unreadable geometry and is not matched: %s", rs.getString(1), e.getMessage());
                }
            }
        }
        next.build(); // build now: a lazily built tree would be built by concurrent readers
        return next;
    }

    private static STRtree emptyTree() {
        STRtree empty = new STRtree();
        empty.build();
        return empty;
    }
}
