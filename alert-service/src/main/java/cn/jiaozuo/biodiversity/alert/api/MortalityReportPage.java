package cn.jiaozuo.biodiversity.alert.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of mortality reports, newest recorded first; pass {@code nextCursor} as {@code cursor} for the next. */
@Schema(name = "MortalityReportPage")
public record MortalityReportPage(@Schema(required = true) List<MortalityReportView> items,
        @Schema(required = true, nullable = true, description = "Opaque; null on the last page",
                example = "MTc2NDA2NTYwMDAwMDAwMHw2ZjFj...") String nextCursor) {
}
