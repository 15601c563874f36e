package cn.jiaozuo.biodiversity.observation.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The aggregates behind the plan's indicators, each one grouped query over {@code observation};
 * rejected observations never count. {@code countyCode} null means city-wide. Times are the listed times
 * ({@code listed_at}, V4__disclosure.sql): a sensitive species' record counts at the start of its day in China, so
 * neither its last-recorded time nor the moment it leaves a moving window (the last 12 months, "not recorded for N
 * years") tells its time of day.
 */
@ApplicationScoped
public class IndicatorRepository {

    private static final String NOT_REJECTED = " status <> 'REJECTED'";

    private final AgroalDataSource dataSource;

    public IndicatorRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Per species: the latest record anywhere and the latest inside a sampling plot (null: none). */
    public record SpeciesLast(long speciesId, Instant lastRecordedAt, Instant lastInPlotAt) {
    }

    /** Distinct species per county, all time and since {@code since}. */
    public record CountyRichness(String countyCode, int allTime, int since) {
    }

    public record InvasiveCount(String countyCode, String month, long speciesId, long detections) {
    }

    /**
     * Records left out of every figure: those of {@code speciesIds} (sensitive) recorded since {@code recordedSince},
     * not yet released to this caller (see {@code Disclosure#releasedBefore}). Null: none.
     */
    public record Unreleased(Set<Long> speciesIds, Instant recordedSince) {

        /** The condition (species ids are numbers from the catalog, so they are written inline) and its parameter. */
        String sql() {
            return speciesIds.isEmpty() ? "" : " and not (species_id in (" + speciesIds.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ") and recorded_at >= ?)";
        }

        void addParameter(List<Object> params) {
            if (!speciesIds.isEmpty()) {
                params.add(Timestamp.from(recordedSince));
            }
        }
    }

    private static String unreleased(Unreleased hidden) {
        return hidden == null ? "" : hidden.sql();
    }

    private static void unreleased(Unreleased hidden, List<Object> params) {
        if (hidden != null) {
            hidden.addParameter(params);
        }
    }

    public Map<Long, SpeciesLast> lastRecords(String countyCode, Unreleased hidden) {
        String sql = "select species_id, max(listed_at), max(listed_at) filter (where plot_code is not null)"
                + " from observation where" + NOT_REJECTED + (countyCode == null ? "" : " and county_code = ?")
                + unreleased(hidden) + " group by species_id";
        Map<Long, SpeciesLast> last = new HashMap<>();
        List<Object> params = new ArrayList<>();
        if (countyCode != null) {
            params.add(countyCode);
        }
        unreleased(hidden, params);
        query(sql, params, rs -> {
            long id = rs.getLong(1);
            last.put(id, new SpeciesLast(id, instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))));
        });
        return last;
    }

    /** Distinct species all time and since {@code since}, in scope. */
    public int[] richness(String countyCode, Instant since, Unreleased hidden) {
        String sql = "select count(distinct species_id), count(distinct species_id) filter (where listed_at >= ?)"
                + " from observation where" + NOT_REJECTED + (countyCode == null ? "" : " and county_code = ?")
                + unreleased(hidden);
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(since));
        if (countyCode != null) {
            params.add(countyCode);
        }
        unreleased(hidden, params);
        int[] result = new int[2];
        query(sql, params, rs -> {
            result[0] = rs.getInt(1);
            result[1] = rs.getInt(2);
        });
        return result;
    }

    public List<CountyRichness> richnessByCounty(String countyCode, Instant since, Unreleased hidden) {
        String sql = "select county_code, count(distinct species_id), count(distinct species_id) filter (where listed_at >= ?)"
                + " from observation where" + NOT_REJECTED + (countyCode == null ? "" : " and county_code = ?")
                + unreleased(hidden) + " group by county_code";
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(since));
        if (countyCode != null) {
            params.add(countyCode);
        }
        unreleased(hidden, params);
        List<CountyRichness> rows = new ArrayList<>();
        query(sql, params, rs -> rows.add(new CountyRichness(rs.getString(1), rs.getInt(2), rs.getInt(3))));
        return rows;
    }

    /** Records of {@code speciesIds} since {@code since}, per county, month (China time) and species. */
    public List<InvasiveCount> detectionsByMonth(String countyCode, List<Long> speciesIds, Instant since, Unreleased hidden) {
        if (speciesIds.isEmpty()) {
            return List.of();
        }
        String sql = "select county_code, to_char(listed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, species_id,"
                + " count(*) from observation where" + NOT_REJECTED + " and species_id = any (?) and listed_at >= ?"
                + (countyCode == null ? "" : " and county_code = ?") + unreleased(hidden)
                + " group by county_code, month, species_id order by county_code, month, species_id";
        List<InvasiveCount> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Array ids = c.createArrayOf("bigint", speciesIds.toArray());
            List<Object> params = new ArrayList<>(List.of(ids, Timestamp.from(since)));
            if (countyCode != null) {
                params.add(countyCode);
            }
            unreleased(hidden, params);
            run(c, sql, params, rs -> rows.add(new InvasiveCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))));
        } catch (SQLException e) {
            throw new IllegalStateException("Indicator query failed", e);
        }
        return rows;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, RowReader reader) {
        try (Connection c = dataSource.getConnection()) {
            run(c, sql, params, reader);
        } catch (SQLException e) {
            throw new IllegalStateException("Indicator query failed", e);
        }
    }

    private static void run(Connection c, String sql, List<Object> params, RowReader reader) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                select.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
