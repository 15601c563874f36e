package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.CoverageService;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CoverageEntry", description = "How one county meets the plan's plot rule (行动18) and keeps its plots surveyed")
public record CoverageView(
        @Schema(required = true, example = "410821") String countyCode,
        @Schema(required = true, example = "修武县") String chineseName,
        @Schema(required = true, example = "TAIHANG", nullable = true) String priorityArea,
        @Schema(required = true, example = "2") int activePlots,
        @Schema(required = true, example = "1–2", nullable = true, description = "Active plots the plan asks for; null where it asks for none")
        String requiredPlots,
        @Schema(required = true, example = "true", description = "Priority-area county: 1–2 active plots; other counties: always true")
        boolean meetsPlotRequirement,
        @Schema(required = true, example = "2025-05-12", nullable = true, description = "Newest visit to any of its active plots")
        LocalDate lastSurveyOn,
        @Schema(required = true, example = "1", description = "Active plots without a visit within their surveyIntervalDays") int overduePlots,
        @Schema(required = true, example = "[\"410821-02\"]") List<String> overduePlotCodes) {

    static CoverageView of(CoverageService.CountyCoverage c) {
        boolean priority = c.county().priorityArea != null;
        return new CoverageView(c.county().code, c.county().chineseName, priority ? c.county().priorityArea.name() : null,
                c.activePlots(), priority ? CoverageService.MIN_PLOTS + "–" + CoverageService.MAX_PLOTS : null,
                c.meetsPlotRequirement(), c.lastSurveyOn(), c.overduePlotCodes().size(), c.overduePlotCodes());
    }
}
