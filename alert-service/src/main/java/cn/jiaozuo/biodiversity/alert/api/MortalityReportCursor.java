package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.MortalityReport;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The opaque keyset cursor of mortality-report listings: the (recordedAt, id) of the last row of a page. */
record MortalityReportCursor(Instant recordedAt, UUID id) {

    static MortalityReportCursor after(MortalityReport last) {
        return new MortalityReportCursor(last.recordedAt, last.id);
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor; null when absent or blank, and null with a violation on {@code cursor} when not one of ours. */
    static MortalityReportCursor decode(String cursor, List<Violation> violations) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            if (!QueryValues.supported(createdAt)) {
                throw new IllegalArgumentException(); // no report was recorded then: a forged cursor, not a 500 in SQL
            }
            return new MortalityReportCursor(createdAt, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            violations.add(new Violation("cursor", "is not a cursor returned by this API"));
            return null;
        }
    }
}
