package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.observation.domain.ListPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The opaque keyset cursor: base64url of {@code <listedAt instant>|<listedKey>} of the last row served. */
final class ObservationCursor {

    private ObservationCursor() {
    }

    static String encode(ListPosition position) {
        return position == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString((position.listedAt() + "|" + position.listedKey()).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; null when absent or blank, and null with a violation on {@code cursor} otherwise. */
    static ListPosition decode(String cursor, List<Violation> violations) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            Instant listedAt = Instant.parse(parts[0]);
            if (!QueryValues.supported(listedAt)) {
                throw new IllegalArgumentException(); // no row this service stores lies there: a forged cursor
            }
            return new ListPosition(listedAt, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            violations.add(new Violation("cursor", "is not a cursor this service issued; use nextCursor of a previous page"));
            return null;
        }
    }
}
