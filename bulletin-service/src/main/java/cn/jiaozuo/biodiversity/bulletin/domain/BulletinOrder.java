package cn.jiaozuo.biodiversity.bulletin.domain;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A request for a bulletin, checked (docs/bulletins.md, "Requesting a bulletin"): every mistake becomes a violation,
 * so the caller learns all of them in one 400.
 */
public record BulletinOrder(Period period, Scope scope, Edition edition) {

    /**
     * Reads the fields as sent. No dates: last month; {@code from} alone: the month from it. The period must have
     * ended before {@code today} (a bulletin of an open period would not be reproducible) and be at most {@code longest}.
     */
    public static BulletinOrder read(String from, String to, String scope, String edition, LocalDate today, Duration longest,
            List<Violation> violations) {
        LocalDate start = date("from", from, violations);
        LocalDate end = date("to", to, violations);
        Scope target = null;
        if (scope == null || scope.isBlank()) {
            violations.add(new Violation("scope", "is required: CITY, TAIHANG, YELLOW_RIVER or a county code such as 410821"));
        } else {
            target = Scope.of(scope.strip()).orElse(null);
            if (target == null) {
                violations.add(new Violation("scope", "must be CITY, TAIHANG, YELLOW_RIVER or the code of a Jiaozuo county"));
            }
        }
        Edition e = QueryValues.enumValue("edition", edition, Edition.class, violations);
        Period period = null;
        if (start == null && end == null && blank(from) && blank(to)) {
            period = Period.monthOf(today.minusMonths(1));
        } else if (start != null && blank(to)) {
            period = new Period(start, start.plusMonths(1).minusDays(1));
        } else if (blank(from) && end != null) {
            violations.add(new Violation("from", "is required when to is given"));
        } else if (start != null && end != null) {
            if (end.isBefore(start)) {
                violations.add(new Violation("to", "must not be before from"));
            } else {
                period = new Period(start, end);
            }
        }
        if (period != null) {
            if (!period.to().isBefore(today)) {
                violations.add(new Violation("to", "the period must have ended: the last day must be before " + today));
            }
            if (period.days() > longest.toDays()) {
                violations.add(new Violation("to", "the period may cover at most " + longest.toDays() + " days"));
            }
        }
        return new BulletinOrder(period, target, e == null ? Edition.INTERNAL : e);
    }

    private static LocalDate date(String field, String value, List<Violation> violations) {
        if (blank(value)) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (QueryValues.supported(day)) {
                return day;
            }
            violations.add(new Violation(field, QueryValues.YEARS));
        } catch (DateTimeParseException ex) {
            violations.add(new Violation(field, "must be a date, YYYY-MM-DD"));
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
