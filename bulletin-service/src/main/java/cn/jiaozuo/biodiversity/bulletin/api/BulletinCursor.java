package cn.jiaozuo.biodiversity.bulletin.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The opaque keyset cursor of GET /bulletins: base64url of {@code <generatedAt>|<id>} of the last bulletin served. */
record BulletinCursor(Instant generatedAt, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((generatedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null when absent; null with a violation on {@code cursor} when it is not one this service issued. */
    static BulletinCursor decode(String cursor, List<Violation> violations) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|");
            Instant at = Instant.parse(parts[0]);
            if (parts.length != 2 || !QueryValues.supported(at)) {
                throw new IllegalArgumentException();
            }
            return new BulletinCursor(at, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            violations.add(new Violation("cursor", "is not a cursor this service issued; use nextCursor of a previous page"));
            return null;
        }
    }
}
