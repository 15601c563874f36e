package cn.jiaozuo.biodiversity.common.http;

import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one reading of query parameters in every service. JAX-RS would convert typed parameters itself and answer a
 * value it cannot convert with 404; resources take parameters as text and read them here instead, so every mistake
 * is a 400 naming its parameter, and all the mistakes of one request are reported together: each reader adds a
 * violation to the request's list and returns null, and {@link #requireValid} throws once at the end. Enum values
 * are their exact names as the OpenAPI document lists them (case matters, as in JSON bodies).
 *
 * <p>Also the one reading of the dates, date-times and durations clients send in query parameters and cursors, and the
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

    /** Throws one 400 listing every violation (sorted by field), if there are any. */
    public static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            List<Violation> sorted = violations.stream().sorted(Comparator.comparing(Violation::field)).toList();
            throw ProblemException.badRequest(sorted);
        }
    }

    /** An enum constant by its exact name; null when absent or blank, and null with a violation naming the allowed values otherwise. */
    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        violations.add(new Violation(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }

    /** {@code true} or {@code false} exactly (the JSON literals); null when absent or blank, and null with a violation otherwise. */
    public static Boolean bool(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.equals("true") || stripped.equals("false")) {
            return Boolean.valueOf(stripped);
        }
        violations.add(new Violation(field, "must be true or false"));
        return null;
    }

    /** A whole number within [min, max]; null when absent or blank, and null with a violation otherwise. */
    public static Integer integer(String field, String value, int min, int max, List<Violation> violations) {
        Long parsed = whole(value);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (parsed != null && parsed >= min && parsed <= max) {
            return parsed.intValue();
        }
        violations.add(new Violation(field, "must be a whole number from " + min + " to " + max));
        return null;
    }

    /** A positive id (a database key); null when absent or blank, and null with a violation otherwise. */
    public static Long id(String field, String value, List<Violation> violations) {
        Long parsed = whole(value);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (parsed != null && parsed > 0) {
            return parsed;
        }
        violations.add(new Violation(field, "must be a positive whole number"));
        return null;
    }

    /** A finite decimal number within [min, max]; null when absent or blank, and null with a violation otherwise. */
    public static Double number(String field, String value, double min, double max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation(field, "must be a number from " + min + " to " + max));
        return null;
    }

    /** Like {@link #number} but adds "is required" when absent. */
    public static Double requiredNumber(String field, String value, double min, double max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        return number(field, value, min, max, violations);
    }

    /** Free text such as a code or a subject: stripped, null when blank; a violation when longer than max or holding NUL. */
    public static String text(String field, String value, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max || stripped.indexOf('\u0000') >= 0) {
            violations.add(new Violation(field, "must be at most " + max + " characters without NUL"));
            return null;
        }
        return stripped;
    }

    private static Long whole(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        // Digits only (an optional minus): Long.parseLong would also take "+5", and no client means that.
        if (!stripped.matches("-?[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(stripped);
    }
}
