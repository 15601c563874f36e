package cn.jiaozuo.biodiversity.alert.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of alerts, newest first; pass {@code nextCursor} as {@code cursor} for the next page. */
@Schema(name = "AlertPage")
public record AlertPage(@Schema(required = true) List<AlertView> items,
        @Schema(required = true, nullable = true, description = "Opaque; null on the last page", example = "MTc2NDA2NTYwMDAwMDAwMHw2ZjFj...") String nextCursor) {
}
