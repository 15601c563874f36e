package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The opaque keyset cursor of GET /patrols: base64url of {@code <startedAt>|<uuid>} of the last patrol served. */
record PatrolCursor(Instant startedAt, UUID uuid) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((startedAt + "|" + uuid).getBytes(StandardCharsets.UTF_8));
    }

    /** Null when absent; null with a violation on {@code cursor} when it is not one this service issued. */
    static PatrolCursor decode(String cursor, List<Violation> violations) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|");
            Instant startedAt = Instant.parse(parts[0]);
            if (parts.length != 2 || !QueryValues.supported(startedAt)) {
                throw new IllegalArgumentException(); // no patrol starts there: a forged cursor, not a 500 in SQL
            }
            return new PatrolCursor(startedAt, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            violations.add(new Violation("cursor", "is not a cursor this service issued; use nextCursor of a previous page"));
            return null;
        }
    }
}
