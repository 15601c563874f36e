package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The opaque keyset cursor of this service's listings (alerts, control cases, mortality reports): the time the listing is
 * ordered by and the id of the last row of a page.
 */
record PageCursor(Instant at, UUID id) {

    /** The next page's cursor: after the last row when there are more rows, else null. */
    static <T> String next(boolean more, List<T> rows, Function<T, Instant> at, Function<T, UUID> id) {
        if (!more || rows.isEmpty()) {
            return null;
        }
        T last = rows.get(rows.size() - 1);
        return new PageCursor(at.apply(last), id.apply(last)).encode();
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor; null when absent or blank, and null with a violation on {@code cursor} when not one of ours. */
    static PageCursor decode(String cursor, List<Violation> violations) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            if (!QueryValues.supported(at)) {
                throw new IllegalArgumentException(); // no row has such a time: a forged cursor, not a 500 in SQL
            }
            return new PageCursor(at, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            violations.add(new Violation("cursor", "is not a cursor returned by this API"));
            return null;
        }
    }
}
