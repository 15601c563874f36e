package cn.jiaozuo.biodiversity.observation.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The service's one plain-JDBC path, for what Panache does not do (well): multi-row inserts with {@code on conflict},
 * upserts, grouped aggregates, sequences, the observation table's filtered keyset reads and cursor-streamed exports.
 * Entity reads and writes go through Panache instead.
 *
 * <p>Connections come from the Agroal pool, not from {@code Session.doWork}: inside a JTA transaction Agroal hands
 * out the transaction's own connection, so these statements commit (or roll back) with the entity changes and outbox
 * rows of that transaction; outside one they still work (an export streamed after its resource method returned, the
 * catalog loaded at startup), where a Hibernate session would need a transaction or a request context.
 */
@ApplicationScoped
public class Jdbc {

    private final AgroalDataSource dataSource;

    public Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads one row (the result set stands on it). */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Receives each streamed row in turn; may write to a response. */
    @FunctionalInterface
    public interface RowHandler<T> {
        void accept(T row) throws IOException;
    }

    /** An SQL array parameter ({@code = any (?)}), e.g. {@code new SqlArray("uuid", uuids)}. */
    public record SqlArray(String elementType, Object[] values) {
    }

    /**
     * Every row of {@code sql} (also of an insert's {@code returning}). Parameters: {@link Instant} as a timestamp, an enum by its name, {@link SqlArray} as an
     * array, null as SQL NULL, anything else as the driver takes it.
     */
    public <T> List<T> list(String sql, List<?> params, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The single row of {@code sql} (an aggregate, a sequence value). */
    public <T> T one(String sql, List<?> params, RowReader<T> reader) {
        List<T> rows = list(sql, params, reader);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    /** Runs an insert, update or delete; returns the number of rows it changed. */
    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            bind(update, Arrays.asList(params)); // parameters may be null
            return update.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /**
     * Streams the rows of {@code sql} to {@code handler}, {@code fetchSize} at a time: in a read-only transaction of
     * its own the PostgreSQL driver reads through a server-side cursor, so memory does not grow with the result.
     * Not inside a JTA transaction. Returns the number of rows handed over.
     */
    public <T> long stream(String sql, List<?> params, int fetchSize, RowReader<T> reader, RowHandler<T> handler)
            throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // the driver only uses a cursor (fetch size) inside a transaction
            c.setReadOnly(true);
            try (PreparedStatement select = c.prepareStatement(sql)) {
                select.setFetchSize(fetchSize);
                bind(select, params);
                long count = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        handler.accept(reader.read(rs));
                        count++;
                    }
                }
                return count;
            } finally {
                c.rollback(); // nothing was written; ends the read-only transaction
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(sql, e); // a database outage: the problem mapper answers 503
        }
    }

    /** Reads a nullable timestamp column. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Reads a nullable double precision column. */
    public static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bind(statement, i + 1, params.get(i));
        }
    }

    /** One parameter, typed as {@link #list} describes. */
    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL); // typed by the column it meets
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (value instanceof SqlArray array) {
            statement.setArray(index, statement.getConnection().createArrayOf(array.elementType(), array.values()));
        } else {
            statement.setObject(index, value);
        }
    }

    private static IllegalStateException failed(String sql, SQLException e) {
        return new IllegalStateException("Statement failed: " + sql.split(" ", 2)[0] + " … (" + e.getMessage() + ")", e);
    }
}
