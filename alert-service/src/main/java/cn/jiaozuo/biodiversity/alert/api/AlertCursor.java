package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.Alert;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The opaque keyset cursor of alert listings: the (createdAt, id) of the last row of a page. */
record AlertCursor(Instant createdAt, UUID id) {

    static AlertCursor after(Alert last) {
        return new AlertCursor(last.createdAt, last.id);
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor; null when absent or blank, and null with a violation on {@code cursor} when not one of ours. */
    static AlertCursor decode(String cursor, List<Violation> violations) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            if (!QueryValues.supported(createdAt)) {
                throw new IllegalArgumentException(); // no alert was created then: a forged cursor, not a 500 in SQL
            }
            return new AlertCursor(createdAt, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            violations.add(new Violation("cursor", "is not a cursor returned by this API"));
            return null;
        }
    }
}
