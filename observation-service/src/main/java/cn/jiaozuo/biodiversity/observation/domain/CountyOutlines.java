package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.geo.GeoJsonShapes;
import cn.jiaozuo.biodiversity.observation.config.CountyOutlineConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Active county outlines in an in-memory R-tree, so intake finds the county of a point without a query: a
 * {@link VersionedSnapshot} of the read-model table {@code county_outline}. The outlines are coarse (public data
 * derived from GCJ-02 maps): they may overlap or leave gaps along a boundary, so a point gets a county only when
 * exactly one outline covers it.
 */
@ApplicationScoped
public class CountyOutlines extends VersionedSnapshot<STRtree> {

    private static final Logger LOG = Logger.getLogger(CountyOutlines.class);

    private record Entry(String countyCode, Geometry geometry) {
    }

    private final ObjectMapper json;
    private final CountyOutlineConfig config;

    public CountyOutlines(AgroalDataSource dataSource, ObjectMapper json, CountyOutlineConfig config) {
        super(dataSource, "county_outline", emptyTree());
        this.json = json;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        startRefreshing("county-outlines", config.refreshInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        stopRefreshing();
    }

    /** The county whose outline, alone among the active ones, covers the point; empty on none or several. */
    @SuppressWarnings("unchecked")
    public Optional<String> countyOf(double lat, double lon) {
        Point point = GeoJsonShapes.point(lat, lon);
        List<String> covering = ((List<Entry>) current().query(new Envelope(point.getCoordinate()))).stream()
                .filter(e -> e.geometry().covers(point))
                .map(Entry::countyCode)
                .distinct()
                .limit(2)
                .toList();
        return covering.size() == 1 ? Optional.of(covering.get(0)) : Optional.empty();
    }

    @Override
    protected STRtree load(Statement statement) throws SQLException {
        STRtree next = new STRtree();
        try (ResultSet rs = statement.executeQuery("select county_code, geometry_json from county_outline where active")) {
            while (rs.next()) {
                try {
                    Geometry geometry = GeoJsonShapes.parse(json.readTree(rs.getString(2)));
                    next.insert(geometry.getEnvelopeInternal(), new Entry(rs.getString(1), geometry));
                } catch (Exception e) {
                    LOG.warnf("County %s has an unreadable outline and is not matched: %s", rs.getString(1), e.getMessage());
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
