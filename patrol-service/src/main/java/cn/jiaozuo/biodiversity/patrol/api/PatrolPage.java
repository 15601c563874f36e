package cn.jiaozuo.biodiversity.patrol.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of patrols, newest first; pass {@code nextCursor} as {@code cursor} for the next page. */
@Schema(name = "PatrolPage")
public record PatrolPage(@Schema(required = true, description = "Summaries (detail SUMMARY)") List<PatrolView> items,
        @Schema(required = true, nullable = true, description = "Opaque; null on the last page",
                example = "MjAyNS0wNS0xM1QyMzozMDowMFp8M2YyYzlkMWUtN2E0Yi00YzVkLTllOGYtMWEyYjNjNGQ1ZTZm") String nextCursor) {
}
