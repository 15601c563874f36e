package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Query parameters parsed here rather than by JAX-RS, which answers a value it cannot convert with 404:
 * a mistyped filter or coordinate is the caller's mistake and gets a 400 saying what is allowed.
 */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A required number within [min, max]; adds a violation and returns NaN when it is not. */
    static double number(String value, String field, double min, double max, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Problem.Violation(field, "is required"));
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Problem.Violation(field, "must be a number from " + min + " to " + max));
        return Double.NaN;
    }

    /** An optional whole number within [min, max], or the default when absent. */
    static int integer(String value, String field, int min, int max, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(value.strip());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(field, "must be a whole number from " + min + " to " + max);
    }
}
