package cn.jiaozuo.biodiversity.observation.repository;

import cn.jiaozuo.biodiversity.observation.domain.Datum;
import cn.jiaozuo.biodiversity.observation.domain.ListPosition;
import cn.jiaozuo.biodiversity.observation.domain.Observation;
import cn.jiaozuo.biodiversity.observation.domain.ObservationFilter;
import cn.jiaozuo.biodiversity.observation.domain.ObservationMethod;
import cn.jiaozuo.biodiversity.observation.domain.ObservationSource;
import cn.jiaozuo.biodiversity.observation.domain.ObservationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Table {@code observation} on the JDBC path ({@link Jdbc}): its columns, each written and read in one place (the row
 * mapper), and the one compilation of an {@link ObservationFilter} to SQL. The list pages ({@link ObservationRepository})
 * and the exports ({@link ObservationStreamRepository}) read through both, so they select, order and map alike.
 */
final class ObservationRows {

    /** Sets a row's field from a column. */
    @FunctionalInterface
    private interface Reader {
        void read(ResultSet rs, int index, Observation row) throws SQLException;
    }

    /**
     * {@code value} (as the element of an SQL array of {@code type}: a number, uuid, string or ISO instant) null: set by
     * the database (V4's trigger), never inserted.
     */
    private record Column(String name, String type, Function<Observation, Object> value, Reader read) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("uuid", "uuid", o -> o.uuid, (rs, i, o) -> o.uuid = rs.getObject(i, UUID.class)),
            new Column("species_id", "int8", o -> o.speciesId, (rs, i, o) -> o.speciesId = rs.getLong(i)),
            new Column("individual_count", "int4", o -> o.count, (rs, i, o) -> o.count = rs.getInt(i)),
            new Column("observed_at", "timestamptz", o -> text(o.observedAt), (rs, i, o) -> o.observedAt = Jdbc.instant(rs, i)),
            new Column("observed_offset_s", "int4", o -> o.observedOffsetSeconds,
                    (rs, i, o) -> o.observedOffsetSeconds = rs.getInt(i)),
            new Column("recorded_at", "timestamptz", o -> text(o.recordedAt), (rs, i, o) -> o.recordedAt = Jdbc.instant(rs, i)),
            new Column("lat", "float8", o -> o.lat, (rs, i, o) -> o.lat = rs.getDouble(i)),
            new Column("lon", "float8", o -> o.lon, (rs, i, o) -> o.lon = rs.getDouble(i)),
            new Column("accuracy_m", "float8", o -> o.accuracyM, (rs, i, o) -> o.accuracyM = Jdbc.nullableDouble(rs, i)),
            new Column("original_datum", "text", o -> text(o.originalDatum),
                    (rs, i, o) -> o.originalDatum = Datum.valueOf(rs.getString(i))),
            new Column("original_lat", "float8", o -> o.originalLat, (rs, i, o) -> o.originalLat = rs.getDouble(i)),
            new Column("original_lon", "float8", o -> o.originalLon, (rs, i, o) -> o.originalLon = rs.getDouble(i)),
            new Column("county_code", "text", o -> o.countyCode, (rs, i, o) -> o.countyCode = rs.getString(i)),
            new Column("plot_code", "text", o -> o.plotCode, (rs, i, o) -> o.plotCode = rs.getString(i)),
            new Column("method", "text", o -> text(o.method), (rs, i, o) -> o.method = ObservationMethod.valueOf(rs.getString(i))),
            new Column("station_id", "text", o -> o.stationId, (rs, i, o) -> o.stationId = rs.getString(i)),
            new Column("notes", "text", o -> o.notes, (rs, i, o) -> o.notes = rs.getString(i)),
            new Column("media_json", "text", o -> o.mediaJson, (rs, i, o) -> o.mediaJson = rs.getString(i)),
            new Column("observer", "text", o -> o.observer, (rs, i, o) -> o.observer = rs.getString(i)),
            new Column("source", "text", o -> text(o.source), (rs, i, o) -> o.source = ObservationSource.valueOf(rs.getString(i))),
            new Column("status", "text", o -> text(o.status), (rs, i, o) -> o.status = ObservationStatus.valueOf(rs.getString(i))),
            new Column("reviewer", "text", o -> o.reviewer, (rs, i, o) -> o.reviewer = rs.getString(i)),
            new Column("review_comment", "text", o -> o.reviewComment, (rs, i, o) -> o.reviewComment = rs.getString(i)),
            new Column("reviewed_at", "timestamptz", o -> text(o.reviewedAt), (rs, i, o) -> o.reviewedAt = Jdbc.instant(rs, i)),
            new Column("content_hash", "text", o -> o.contentHash, (rs, i, o) -> o.contentHash = rs.getString(i)),
            new Column("listed_at", null, null, (rs, i, o) -> o.listedAt = Jdbc.instant(rs, i)),
            new Column("listed_key", null, null, (rs, i, o) -> o.listedKey = rs.getObject(i, UUID.class)));

    private static final List<Column> INSERTED = COLUMNS.stream().filter(c -> c.value() != null).toList();

    /**
     * One statement for any number of rows: each column is one array parameter, {@code unnest} turns them back into rows
     * (in array order). PostgreSQL then plans and executes once instead of once per row, as a JDBC batch of single-row
     * inserts would. {@code on conflict do nothing}: the uuid key decides replays without a read before the insert, and
     * concurrent duplicates wait for each other in PostgreSQL instead of failing with a unique violation; the uuids
     * returned are those inserted.
     */
    static final String INSERT = "insert into observation (" + INSERTED.stream().map(Column::name).collect(Collectors.joining(", "))
            + ") select * from unnest(" + String.join(", ", Collections.nCopies(INSERTED.size(), "?"))
            + ") on conflict (uuid) do nothing returning uuid";

    static final String SELECT = "select " + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "))
            + " from observation";

    /** Newest first by the listed position; each filter has an index in this order (V4__disclosure.sql). */
    static final String NEWEST_FIRST = " order by listed_at desc, listed_key desc";

    private ObservationRows() {
    }

    /** The parameters of {@link #INSERT} for {@code rows}: one array per column, in row order. */
    static List<Object> insertParams(List<Observation> rows) {
        List<Object> params = new ArrayList<>(INSERTED.size());
        for (Column column : INSERTED) {
            Object[] values = new Object[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = column.value().apply(rows.get(r));
            }
            params.add(new Jdbc.SqlArray(column.type(), values));
        }
        return params;
    }

    /** An array element as PostgreSQL reads it (ISO-8601 for instants, names for enums); null stays null. */
    private static String text(Object value) {
        return value == null ? null : value instanceof Enum<?> constant ? constant.name() : value.toString();
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
