package cn.jiaozuo.biodiversity.common.http;

import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The one reading of the dates, date-times and durations clients send in query parameters and cursors, and the
 * range of years every service accepts (also in JSON bodies: see {@code StrictJson}). A year outside it would
 * overflow PostgreSQL's timestamps (4713 BC to 294276 AD) or Java's date arithmetic deep inside a query, a 500;
 * here it is a 400 naming the parameter. 1900 to 2199 holds every real observation, survey, alert and query
 * window of the monitoring network with a wide margin, and keeps "now minus a duration" arithmetic safe.
 */
public final class QueryValues {

    /** The first instant accepted. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** The first instant no longer accepted. */
    public static final Instant END = Instant.parse("2200-01-01T00:00:00Z");
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);
    /** The longest duration accepted (100 years). */
    public static final Duration LONGEST = Duration.ofDays(36_500);
    /** The message of a violation for a date or date-time outside the years accepted. */
    public static final String YEARS = "must lie in the years 1900 to 2199 (UTC)";

    private QueryValues() {
    }

    public static boolean supported(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(END);
    }

    public static boolean supported(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    /**
     * An ISO-8601 date-time with offset such as {@code 2025-05-01T00:00:00+08:00}; null when absent or blank, and
     * null with a violation on {@code field} when unreadable or outside the years accepted.
     */
    public static OffsetDateTime dateTime(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(value.strip());
        } catch (RuntimeException e) {
            violations.add(new Violation(field, "must be an ISO-8601 date-time with offset, e.g. 2025-05-01T00:00:00+08:00"));
            return null;
        }
        if (!supported(parsed.toInstant())) {
            violations.add(new Violation(field, YEARS));
            return null;
        }
        return parsed;
    }

    /**
     * A positive ISO-8601 duration such as {@code PT48H} or {@code P7D}, at most {@link #LONGEST}; null when absent or
     * blank, and null with a violation on {@code field} otherwise.
     */
    public static Duration duration(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Duration parsed = Duration.parse(value.strip());
            if (!parsed.isNegative() && !parsed.isZero() && parsed.compareTo(LONGEST) <= 0) {
                return parsed;
            }
        } catch (RuntimeException e) {
            // reported below: unreadable, or too long for a Duration at all
        }
        violations.add(new Violation(field, "must be a positive ISO-8601 duration of at most 100 years (P36500D),"
                + " such as PT48H or P7D"));
        return null;
    }
}
