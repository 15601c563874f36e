package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The opaque keyset cursor: base64url of {@code <observedAt instant>|<uuid>} of the last row served. */
final class ObservationCursor {

    private ObservationCursor() {
    }

    static String encode(Instant observedAt, UUID uuid) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((observedAt + "|" + uuid).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            Instant observedAt = Instant.parse(parts[0]);
            if (!QueryValues.supported(observedAt)) {
                throw new IllegalArgumentException(); // no row this service stores lies there: a forged cursor
            }
            return new Position(observedAt, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this service issued; use nextCursor of a previous page");
        }
    }
}
