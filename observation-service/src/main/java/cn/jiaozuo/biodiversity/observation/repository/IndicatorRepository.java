package cn.jiaozuo.biodiversity.observation.repository;

import cn.jiaozuo.biodiversity.observation.domain.ObservationFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregates behind the plan's indicators, each one grouped query over {@code observation} on the JDBC path, in
 * the scope of an {@link ObservationFilter} (compiled by {@link ObservationRows}, as for lists and exports); rejected
 * observations never count. Times are the listed times ({@code listed_at}, V4__disclosure.sql): a sensitive species'
 * record counts at the start of its day in China, so neither its last-recorded time nor the moment it leaves a moving
 * window (the last 12 months, "not recorded for N years") tells its time of day.
 */
@ApplicationScoped
public class IndicatorRepository {

    private static final String NOT_REJECTED = "status <> 'REJECTED'";

    private final Jdbc jdbc;

    public IndicatorRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Per species: the latest record anywhere and the latest inside a sampling plot (null: none). */
    public record SpeciesLast(long speciesId, Instant lastRecordedAt, Instant lastInPlotAt) {
    }

    /** Distinct species per county, all time and since {@code since}. */
    public record CountyRichness(String countyCode, int allTime, int since) {
    }

    public record InvasiveCount(String countyCode, String month, long speciesId, long detections) {
    }

    public Map<Long, SpeciesLast> lastRecords(ObservationFilter scope) {
        ObservationRows.Where where = ObservationRows.where(scope, null, NOT_REJECTED);
        Map<Long, SpeciesLast> last = new HashMap<>();
        jdbc.list("select species_id, max(listed_at), max(listed_at) filter (where plot_code is not null) from observation"
                        + where.sql() + " group by species_id", where.params(),
                        rs -> new SpeciesLast(rs.getLong(1), Jdbc.instant(rs, 2), Jdbc.instant(rs, 3)))
                .forEach(l -> last.put(l.speciesId(), l));
        return last;
    }

    /** Distinct species all time and since {@code since}, in scope. */
    public int[] richness(ObservationFilter scope, Instant since) {
        ObservationRows.Where where = ObservationRows.where(scope, null, NOT_REJECTED);
        return jdbc.one("select count(distinct species_id), count(distinct species_id) filter (where listed_at >= ?)"
                + " from observation" + where.sql(), since(since, where), rs -> new int[] {rs.getInt(1), rs.getInt(2)});
    }

    public List<CountyRichness> richnessByCounty(ObservationFilter scope, Instant since) {
        ObservationRows.Where where = ObservationRows.where(scope, null, NOT_REJECTED);
        return jdbc.list("select county_code, count(distinct species_id), count(distinct species_id) filter"
                        + " (where listed_at >= ?) from observation" + where.sql() + " group by county_code", since(since, where),
                rs -> new CountyRichness(rs.getString(1), rs.getInt(2), rs.getInt(3)));
    }

    /** Records of {@code speciesIds} in scope, per county, month (China time) and species. */
    public List<InvasiveCount> detectionsByMonth(ObservationFilter scope, List<Long> speciesIds) {
        if (speciesIds.isEmpty()) {
            return List.of();
        }
        ObservationRows.Where where = ObservationRows.where(scope, null, NOT_REJECTED);
        List<Object> params = new ArrayList<>(where.params());
        params.add(new Jdbc.SqlArray("bigint", speciesIds.toArray()));
        return jdbc.list("select county_code, to_char(listed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, species_id,"
                        + " count(*) from observation" + where.sql() + " and species_id = any (?)"
                        + " group by county_code, month, species_id order by county_code, month, species_id", params,
                rs -> new InvasiveCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    /** The parameter of a {@code filter (where listed_at >= ?)} in the select list, then the where clause's. */
    private static List<Object> since(Instant since, ObservationRows.Where where) {
        List<Object> params = new ArrayList<>(List.of(since));
        params.addAll(where.params());
        return params;
    }
}
