package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.ProtectedArea;
import cn.jiaozuo.biodiversity.plot.repository.OutlineSummary;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProtectedArea", description = "A protected area named in the plan, with the Jiaozuo counties it lies in")
public record ProtectedAreaView(
        @Schema(required = true, example = "yuntaishan-forest-park", description = "Stable id, referenced by plots as protectedAreaId") String id,
        @Schema(required = true, example = "云台山国家森林公园") String chineseName,
        @Schema(required = true, example = "Yuntaishan National Forest Park") String englishName,
        @Schema(required = true, example = "FOREST_PARK", description = "NATURE_RESERVE, FOREST_PARK, GEOPARK or WETLAND_PARK") String category,
        @Schema(required = true, example = "NATIONAL", description = "NATIONAL or PROVINCIAL") String level,
        @Schema(required = true, example = "[\"410821\"]") List<String> countyCodes,
        @Schema(required = true, nullable = true, description = "The area's outline, if one was set (GET /protected-areas/{id}/outline has the geometry); null otherwise")
        OutlineSummaryView outline) {

    static ProtectedAreaView of(ProtectedArea a, OutlineSummary outline) {
        return new ProtectedAreaView(a.id, a.chineseName, a.englishName, a.category, a.level,
                List.copyOf(a.countyCodes), OutlineSummaryView.of(outline));
    }
}
