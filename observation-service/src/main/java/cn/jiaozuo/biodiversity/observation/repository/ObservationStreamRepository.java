package cn.jiaozuo.biodiversity.observation.repository;

import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository.Filter;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository.Position;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Observation rows for the exports, streamed: a read-only transaction with a fetch size makes the
 * PostgreSQL driver read through a server-side cursor, so an export of a million rows holds one
 * fetch (500 rows) in memory at a time. Rejected observations are never streamed.
 */
@ApplicationScoped
public class ObservationStreamRepository {

    static final int FETCH_SIZE = 500;

    private final AgroalDataSource dataSource;

    public ObservationStreamRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The columns an export needs, exact: callers apply {@code Disclosure}. {@code listed} is the row's keyset position. */
    public record Row(UUID uuid, long speciesId, int count, OffsetDateTime observedAt, double lat, double lon,
            Double accuracyM, String countyCode, String plotCode, String method, String stationId, String observer,
            String source, String status, Position listed) {
    }

    /** Receives each row in turn; may write to the response. */
    public interface RowHandler {
        void accept(Row row) throws IOException;
    }

    /** First and last listed time (observedAt; a sensitive species: its day) of {@code filter}; both null when there are none. */
    public record Range(Instant first, Instant last) {
    }

    public Range range(Filter filter) {
        StringBuilder sql = new StringBuilder("select min(listed_at), max(listed_at) from observation where status <> 'REJECTED'");
        List<Object> params = new ArrayList<>();
        where(sql, params, filter);
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                select.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                Timestamp first = rs.getTimestamp(1);
                Timestamp last = rs.getTimestamp(2);
                return new Range(first == null ? null : first.toInstant(), last == null ? null : last.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Export query failed", e);
        }
    }

    private static void where(StringBuilder sql, List<Object> params, Filter filter) {
        condition(sql, params, filter.speciesId(), " and species_id = ?");
        condition(sql, params, filter.countyCode(), " and county_code = ?");
        condition(sql, params, filter.plotCode(), " and plot_code = ?");
        // The listed time: a sensitive species' record is compared by its day (Disclosure, V4__disclosure.sql).
        condition(sql, params, filter.from() == null ? null : Timestamp.from(filter.from()), " and listed_at >= ?");
        condition(sql, params, filter.to() == null ? null : Timestamp.from(filter.to()), " and listed_at < ?");
        condition(sql, params, filter.status(), " and status = ?");
        condition(sql, params, filter.observer(), " and observer = ?");
        condition(sql, params, filter.method(), " and method = ?");
        if (filter.concealed() != null) {
            sql.append(" and (species_id not in (").append(String.join(", ", Collections.nCopies(
                    filter.concealed().speciesIds().size(), "?"))).append(")");
            params.addAll(filter.concealed().speciesIds());
            if (filter.concealed().exceptObserver() != null) {
                sql.append(" or observer = ?");
                params.add(filter.concealed().exceptObserver());
            }
            if (filter.concealed().recordedSince() != null) {
                sql.append(" or recorded_at < ?");
                params.add(Timestamp.from(filter.concealed().recordedSince()));
            }
            sql.append(")");
        }
    }

    /**
     * Streams the rows matching {@code filter} newest first, after {@code after}, at most {@code limit}
     * (null: all). Returns how many were handed over.
     */
    public long stream(Filter filter, Position after, Integer limit, RowHandler handler) throws IOException {
        StringBuilder sql = new StringBuilder("select uuid, species_id, individual_count, observed_at, observed_offset_s,"
                + " lat, lon, accuracy_m, county_code, plot_code, method, station_id, observer, source, status, listed_at,"
                + " listed_key from observation where status <> 'REJECTED'");
        List<Object> params = new ArrayList<>();
        where(sql, params, filter);
        if (after != null) {
            sql.append(" and (listed_at, listed_key) < (?, ?)");
            params.add(Timestamp.from(after.listedAt()));
            params.add(after.listedKey());
        }
        sql.append(" order by listed_at desc, listed_key desc");
        if (limit != null) {
            sql.append(" limit ").append((int) limit);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // the driver only uses a cursor (fetch size) inside a transaction
            c.setReadOnly(true);
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                select.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    select.setObject(i + 1, params.get(i));
                }
                long count = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Instant at = rs.getTimestamp(4).toInstant();
                        double accuracy = rs.getDouble(8);
                        Double accuracyM = rs.wasNull() ? null : accuracy;
                        handler.accept(new Row(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3),
                                at.atOffset(java.time.ZoneOffset.ofTotalSeconds(rs.getInt(5))), rs.getDouble(6),
                                rs.getDouble(7), accuracyM, rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                                new Position(rs.getTimestamp(16).toInstant(), rs.getObject(17, UUID.class))));
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
            throw new IllegalStateException("Export query failed", e); // a database outage: the problem mapper answers 503
        }
    }

    private static void condition(StringBuilder sql, List<Object> params, Object value, String clause) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }
}
