package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.observation.domain.ListPosition;
import cn.jiaozuo.biodiversity.observation.domain.ObservationFilter;
import cn.jiaozuo.biodiversity.observation.domain.ObservationMethod;
import cn.jiaozuo.biodiversity.observation.domain.ObservationStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The query parameters of the observation reads ({@code GET /observations} and the GeoJSON, CSV and Darwin Core
 * Archive exports), read with common's {@link QueryValues}: one set of rules, violation fields and messages for all.
 *
 * @param limit null: no limit (the CSV and Darwin Core Archive without one)
 */
record ObservationQuery(ObservationFilter filter, ListPosition after, Integer limit) {

    /** Free-text filters (codes, subjects) are at most this long. */
    static final int MAX_TEXT = 200;

    /** Raw parameters as they arrived; null or blank means "not given". */
    record Params(String speciesId, String countyCode, String plotCode, String from, String to, String status,
            String observer, String method, String limit, String cursor) {
    }

    /**
     * Reads {@code p}; every invalid parameter is reported in one 400.
     *
     * @param defaultLimit the limit when none is given; null: none
     * @param maxLimit     the largest limit a caller may give
     */
    static ObservationQuery parse(Params p, Integer defaultLimit, int maxLimit) {
        List<Violation> violations = new ArrayList<>();
        Long species = QueryValues.id("speciesId", p.speciesId(), violations);
        String county = QueryValues.text("countyCode", p.countyCode(), MAX_TEXT, violations);
        String plot = QueryValues.text("plotCode", p.plotCode(), MAX_TEXT, violations);
        Instant from = instant(QueryValues.dateTime("from", p.from(), violations));
        Instant to = instant(QueryValues.dateTime("to", p.to(), violations));
        ObservationStatus status = QueryValues.enumValue("status", p.status(), ObservationStatus.class, violations);
        String observer = QueryValues.text("observer", p.observer(), MAX_TEXT, violations);
        ObservationMethod method = QueryValues.enumValue("method", p.method(), ObservationMethod.class, violations);
        Integer limit = QueryValues.integer("limit", p.limit(), 1, maxLimit, violations);
        ListPosition after = ObservationCursor.decode(p.cursor(), violations);
        QueryValues.requireValid(violations);
        return new ObservationQuery(new ObservationFilter(species, county, plot, from, to, status, observer, method), after,
                limit != null ? limit : defaultLimit);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
