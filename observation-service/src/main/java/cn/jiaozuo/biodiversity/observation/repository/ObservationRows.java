package cn.jiaozuo.biodiversity.observation.repository;

import cn.jiaozuo.biodiversity.observation.domain.Datum;
import cn.jiaozuo.biodiversity.observation.domain.ListPosition;
import cn.jiaozuo.biodiversity.observation.domain.Observation;
import cn.jiaozuo.biodiversity.observation.domain.ObservationFilter;
import cn.jiaozuo.biodiversity.observation.domain.ObservationMethod;
import cn.jiaozuo.biodiversity.observation.domain.ObservationSource;
import cn.jiaozuo.biodiversity.observation.domain.ObservationStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Table {@code observation} on the JDBC path ({@link Jdbc}): its columns, each written and read in one place (the row
 * mapper), and the one compilation of an {@link ObservationFilter} to SQL. The list pages ({@link ObservationRepository})
 * and the exports ({@link ObservationStreamRepository}) read through both, so they select, order and map alike.
 */
final class ObservationRows {

    /** Sets a column's parameter from a row. */
    @FunctionalInterface
    private interface Writer {
        void write(PreparedStatement statement, int index, Observation row) throws SQLException;
    }

    /** Sets a row's field from a column. */
    @FunctionalInterface
    private interface Reader {
        void read(ResultSet rs, int index, Observation row) throws SQLException;
    }

    /** {@code write} null: set by the database (V4's trigger), never inserted. */
    private record Column(String name, Writer write, Reader read) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("uuid", (s, i, o) -> s.setObject(i, o.uuid), (rs, i, o) -> o.uuid = rs.getObject(i, UUID.class)),
            new Column("species_id", (s, i, o) -> s.setLong(i, o.speciesId), (rs, i, o) -> o.speciesId = rs.getLong(i)),
            new Column("individual_count", (s, i, o) -> s.setInt(i, o.count), (rs, i, o) -> o.count = rs.getInt(i)),
            new Column("observed_at", (s, i, o) -> Jdbc.bind(s, i, o.observedAt), (rs, i, o) -> o.observedAt = Jdbc.instant(rs, i)),
            new Column("observed_offset_s", (s, i, o) -> s.setInt(i, o.observedOffsetSeconds),
                    (rs, i, o) -> o.observedOffsetSeconds = rs.getInt(i)),
            new Column("recorded_at", (s, i, o) -> Jdbc.bind(s, i, o.recordedAt), (rs, i, o) -> o.recordedAt = Jdbc.instant(rs, i)),
            new Column("lat", (s, i, o) -> s.setDouble(i, o.lat), (rs, i, o) -> o.lat = rs.getDouble(i)),
            new Column("lon", (s, i, o) -> s.setDouble(i, o.lon), (rs, i, o) -> o.lon = rs.getDouble(i)),
            new Column("accuracy_m", (s, i, o) -> Jdbc.bind(s, i, o.accuracyM), (rs, i, o) -> o.accuracyM = Jdbc.nullableDouble(rs, i)),
            new Column("original_datum", (s, i, o) -> Jdbc.bind(s, i, o.originalDatum),
                    (rs, i, o) -> o.originalDatum = Datum.valueOf(rs.getString(i))),
            new Column("original_lat", (s, i, o) -> s.setDouble(i, o.originalLat), (rs, i, o) -> o.originalLat = rs.getDouble(i)),
            new Column("original_lon", (s, i, o) -> s.setDouble(i, o.originalLon), (rs, i, o) -> o.originalLon = rs.getDouble(i)),
            new Column("county_code", (s, i, o) -> s.setString(i, o.countyCode), (rs, i, o) -> o.countyCode = rs.getString(i)),
            new Column("plot_code", (s, i, o) -> s.setString(i, o.plotCode), (rs, i, o) -> o.plotCode = rs.getString(i)),
            new Column("method", (s, i, o) -> Jdbc.bind(s, i, o.method), (rs, i, o) -> o.method = ObservationMethod.valueOf(rs.getString(i))),
            new Column("station_id", (s, i, o) -> s.setString(i, o.stationId), (rs, i, o) -> o.stationId = rs.getString(i)),
            new Column("notes", (s, i, o) -> s.setString(i, o.notes), (rs, i, o) -> o.notes = rs.getString(i)),
            new Column("media_json", (s, i, o) -> s.setString(i, o.mediaJson), (rs, i, o) -> o.mediaJson = rs.getString(i)),
            new Column("observer", (s, i, o) -> s.setString(i, o.observer), (rs, i, o) -> o.observer = rs.getString(i)),
            new Column("source", (s, i, o) -> Jdbc.bind(s, i, o.source), (rs, i, o) -> o.source = ObservationSource.valueOf(rs.getString(i))),
            new Column("status", (s, i, o) -> Jdbc.bind(s, i, o.status), (rs, i, o) -> o.status = ObservationStatus.valueOf(rs.getString(i))),
            new Column("reviewer", (s, i, o) -> s.setString(i, o.reviewer), (rs, i, o) -> o.reviewer = rs.getString(i)),
            new Column("review_comment", (s, i, o) -> s.setString(i, o.reviewComment), (rs, i, o) -> o.reviewComment = rs.getString(i)),
            new Column("reviewed_at", (s, i, o) -> Jdbc.bind(s, i, o.reviewedAt), (rs, i, o) -> o.reviewedAt = Jdbc.instant(rs, i)),
            new Column("content_hash", (s, i, o) -> s.setString(i, o.contentHash), (rs, i, o) -> o.contentHash = rs.getString(i)),
            new Column("listed_at", null, (rs, i, o) -> o.listedAt = Jdbc.instant(rs, i)),
            new Column("listed_key", null, (rs, i, o) -> o.listedKey = rs.getObject(i, UUID.class)));

    private static final List<Column> INSERTED = COLUMNS.stream().filter(c -> c.write() != null).toList();

    /**
     * {@code on conflict do nothing}: the uuid key decides replays without a read before each insert, and concurrent
     * duplicates wait for each other in PostgreSQL instead of failing with a unique violation.
     */
    static final String INSERT = "insert into observation (" + INSERTED.stream().map(Column::name).collect(Collectors.joining(", "))
            + ") values (" + String.join(", ", Collections.nCopies(INSERTED.size(), "?")) + ") on conflict (uuid) do nothing";

    static final String SELECT = "select " + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "))
            + " from observation";

    /** Newest first by the listed position; each filter has an index in this order (V4__disclosure.sql). */
    static final String NEWEST_FIRST = " order by listed_at desc, listed_key desc";

    private ObservationRows() {
    }

    /** Sets the insert's parameters from {@code row}. */
    static void write(PreparedStatement insert, Observation row) throws SQLException {
        for (int i = 0; i < INSERTED.size(); i++) {
            INSERTED.get(i).write().write(insert, i + 1, row);
        }
    }

    /** The row {@code rs} stands on, selected by {@link #SELECT}, as an unmanaged entity. */
    static Observation read(ResultSet rs) throws SQLException {
        Observation row = new Observation();
        for (int i = 0; i < COLUMNS.size(); i++) {
            COLUMNS.get(i).read().read(rs, i + 1, row);
        }
        return row;
    }

    /** A where clause and its parameters, in order. */
    record Where(String sql, List<Object> params) {
    }

    /**
     * {@code filter} (and, with {@code after}, the keyset position: strictly after it, newest first) as a where clause,
     * with {@code fixed} conditions that take no parameter.
     */
    static Where where(ObservationFilter filter, ListPosition after, String... fixed) {
        List<String> conditions = new ArrayList<>(List.of(fixed));
        List<Object> params = new ArrayList<>();
        condition(conditions, params, "species_id = ?", filter.speciesId());
        condition(conditions, params, "county_code = ?", filter.countyCode());
        condition(conditions, params, "plot_code = ?", filter.plotCode());
        // The listed time: a sensitive species' record is compared by its day (Disclosure, V4__disclosure.sql).
        condition(conditions, params, "listed_at >= ?", filter.from());
        condition(conditions, params, "listed_at < ?", filter.to());
        condition(conditions, params, "status = ?", filter.status());
        condition(conditions, params, "observer = ?", filter.observer());
        condition(conditions, params, "method = ?", filter.method());
        ObservationFilter.Concealed concealed = filter.concealed();
        if (concealed != null) {
            List<String> kept = new ArrayList<>(List.of("species_id <> all (?)"));
            params.add(new Jdbc.SqlArray("bigint", concealed.speciesIds().toArray()));
            if (concealed.exceptObserver() != null) {
                kept.add("observer = ?");
                params.add(concealed.exceptObserver());
            }
            if (concealed.recordedSince() != null) {
                kept.add("recorded_at < ?");
                params.add(concealed.recordedSince());
            }
            conditions.add("(" + String.join(" or ", kept) + ")");
        }
        if (after != null) {
            // A row-value comparison, so PostgreSQL walks the (…, listed_at desc, listed_key desc) index from the cursor.
            conditions.add("(listed_at, listed_key) < (?, ?)");
            params.add(after.listedAt());
            params.add(after.listedKey());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static void condition(List<String> conditions, List<Object> params, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.add(value);
        }
    }
}
