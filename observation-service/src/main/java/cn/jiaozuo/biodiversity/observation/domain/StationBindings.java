package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.observation.config.StationBindingConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Which identity each station uploads with, held in memory so intake checks a stationId without a query:
 * a {@link VersionedSnapshot} of the read-model table {@code station_binding}.
 */
@ApplicationScoped
public class StationBindings extends VersionedSnapshot<Map<String, String>> {

    private final StationBindingConfig config;

    public StationBindings(AgroalDataSource dataSource, StationBindingConfig config) {
        super(dataSource, "station_binding", Map.of());
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        startRefreshing("station-bindings", config.refreshInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        stopRefreshing();
    }

    /** The subject the station is bound to; null when the station is unknown here or not bound. */
    public String subjectOf(String stationId) {
        return current().get(stationId);
    }

    /** station id → bound subject (null value: registered but not bound). */
    @Override
    protected Map<String, String> load(Statement statement) throws SQLException {
        Map<String, String> next = new HashMap<>();
        try (ResultSet rs = statement.executeQuery("select station_id, subject from station_binding")) {
            while (rs.next()) {
                next.put(rs.getString(1), rs.getString(2));
            }
        }
        return Collections.unmodifiableMap(next);
    }
}
