package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import cn.jiaozuo.biodiversity.plot.domain.County;
import cn.jiaozuo.biodiversity.plot.repository.OutlineSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "County", description = "A county-level division of Jiaozuo (GB/T 2260 code) and its priority area")
public record CountyView(
        @Schema(required = true, example = "410821") String code,
        @Schema(required = true, example = "修武县") String chineseName,
        @Schema(required = true, example = "Xiuwu County") String englishName,
        @Schema(required = true, example = "TAIHANG", nullable = true, description = "TAIHANG, YELLOW_RIVER or null for the three urban districts")
        PriorityArea priorityArea,
        @Schema(required = true, example = "北部太行山优先区域", nullable = true) String priorityAreaName,
        @Schema(required = true, nullable = true, description = "The county's outline, if one was set (GET /counties/{code}/outline has the geometry); null otherwise")
        OutlineSummaryView outline) {

    static CountyView of(County c, OutlineSummary outline) {
        return new CountyView(c.code, c.chineseName, c.englishName, c.priorityArea,
                c.priorityArea == null ? null : c.priorityArea.chineseName(), OutlineSummaryView.of(outline));
    }
}
