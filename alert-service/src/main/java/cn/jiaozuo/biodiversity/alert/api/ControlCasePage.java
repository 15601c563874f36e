package cn.jiaozuo.biodiversity.alert.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of control cases, newest first; pass {@code nextCursor} as {@code cursor} for the next page. */
@Schema(name = "ControlCasePage")
public record ControlCasePage(@Schema(required = true) List<ControlCaseView> items,
        @Schema(required = true, nullable = true, description = "Opaque; null on the last page", example = "MTc2NDA2NTYwMDAwMDAwMHw2ZjFj...") String nextCursor) {
}
