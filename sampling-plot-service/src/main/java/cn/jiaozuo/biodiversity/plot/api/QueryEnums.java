package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Enum query parameters parsed here rather than by JAX-RS, which answers an unknown value with 404;
 * a mistyped filter is the caller's mistake and gets a 400 naming the allowed values.
 */
final class QueryEnums {

    private QueryEnums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
