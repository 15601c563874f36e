package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.observation.domain.ObservationMethod;
import cn.jiaozuo.biodiversity.observation.domain.ObservationStatus;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository.Filter;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository.Position;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The query parameters of the observation reads ({@code GET /observations} and the GeoJSON, CSV and Darwin Core
 * Archive exports): one set of rules, violation fields and messages for all of them.
 */
record ObservationQuery(Filter filter, Position after, Integer limit) {

    /** Raw parameters as they arrived; null or blank means "not given". */
    record Params(String speciesId, String countyCode, String plotCode, String from, String to, String status,
            String observer, String method, String limit, String cursor) {
    }

    /** For {@code GET /observations}, a page. */
    static ObservationQuery forPage(Params p, int defaultLimit, int maxLimit) {
        return parse(p, defaultLimit, maxLimit);
    }

    /**
     * For the exports, which stream from a JDBC cursor.
     *
     * @param defaultLimit null: no limit unless the caller gives one
     */
    static ObservationQuery forExport(Params p, Integer defaultLimit, int maxLimit) {
        return parse(p, defaultLimit, maxLimit);
    }

    private static ObservationQuery parse(Params p, Integer defaultLimit, int maxLimit) {
        List<Violation> violations = new ArrayList<>();
        Long species = parse(violations, "speciesId", p.speciesId(), "must be a number", Long::valueOf);
        // The years every service accepts (common's QueryValues): beyond them PostgreSQL's timestamps overflow, a 500.
        Instant fromAt = instant(QueryValues.dateTime("from", p.from(), violations));
        Instant toAt = instant(QueryValues.dateTime("to", p.to(), violations));
        ObservationStatus status = parse(violations, "status", p.status(), "must be one of UNVERIFIED, VERIFIED, REJECTED",
                ObservationStatus::valueOf);
        ObservationMethod method = parse(violations, "method", p.method(),
                "must be one of SIGHTING, CAMERA_TRAP, ACOUSTIC, TRACK, SIGN, SPECIMEN, OTHER", ObservationMethod::valueOf);
        Integer limit = parse(violations, "limit", p.limit(), "must be a number", Integer::valueOf);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("countyCode", p.countyCode());
        texts.put("plotCode", p.plotCode());
        texts.put("observer", p.observer());
        texts.forEach((field, value) -> {
            if (value != null && (value.indexOf('\u0000') >= 0 || value.length() > 200)) {
                violations.add(new Violation(field, "must be at most 200 characters without NUL"));
            }
        });
        if (limit != null && (limit < 1 || limit > maxLimit)) {
            violations.add(new Violation("limit", "must be between 1 and " + maxLimit));
        }
        Position after = null;
        try {
            after = ObservationCursor.decode(p.cursor());
        } catch (ProblemException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field));
            throw ProblemException.badRequest(violations);
        }
        Filter filter = new Filter(species, blankToNull(p.countyCode()), blankToNull(p.plotCode()), fromAt, toAt,
                status == null ? null : status.name(), blankToNull(p.observer()), method == null ? null : method.name());
        return new ObservationQuery(filter, after, limit != null ? limit : defaultLimit);
    }

    private static <T> T parse(List<Violation> violations, String field, String value, String message,
            Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            violations.add(new Violation(field, message));
            return null;
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
