package cn.jiaozuo.biodiversity.observation.repository;

import cn.jiaozuo.biodiversity.observation.domain.ListPosition;
import cn.jiaozuo.biodiversity.observation.domain.Observation;
import cn.jiaozuo.biodiversity.observation.domain.ObservationFilter;
import cn.jiaozuo.biodiversity.observation.domain.ObservationPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Observation rows for the exports, streamed through the JDBC path ({@link Jdbc#stream}): an export of a million rows
 * holds one fetch (500 rows) in memory at a time. The same filter compilation and row mapper as the list pages
 * ({@link ObservationRows}). Rejected observations are never streamed.
 */
@ApplicationScoped
public class ObservationStreamRepository {

    static final int FETCH_SIZE = 500;
    private static final String NOT_REJECTED = "status <> 'REJECTED'";

    private final Jdbc jdbc;

    public ObservationStreamRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** First and last listed time of what {@link #stream} would write for {@code filter}. */
    public ObservationPeriod period(ObservationFilter filter) {
        ObservationRows.Where where = ObservationRows.where(filter, null, NOT_REJECTED);
        return jdbc.one("select min(listed_at), max(listed_at) from observation" + where.sql(), where.params(),
                rs -> new ObservationPeriod(Jdbc.instant(rs, 1), Jdbc.instant(rs, 2)));
    }

    /**
     * Streams the rows matching {@code filter} newest first, after {@code after}, at most {@code limit} (null: all), as
     * unmanaged entities. Returns how many were handed over.
     */
    public long stream(ObservationFilter filter, ListPosition after, Integer limit, Jdbc.RowHandler<Observation> handler)
            throws IOException {
        ObservationRows.Where where = ObservationRows.where(filter, after, NOT_REJECTED);
        List<Object> params = new ArrayList<>(where.params());
        String sql = ObservationRows.SELECT + where.sql() + ObservationRows.NEWEST_FIRST;
        if (limit != null) {
            sql += " limit ?";
            params.add(limit);
        }
        return jdbc.stream(sql, params, FETCH_SIZE, ObservationRows::read, handler);
    }
}
