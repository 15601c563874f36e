package cn.jiaozuo.biodiversity.alert.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The control cases per county and species, as the bureaus report them upward. */
@Schema(name = "ControlCaseSummary")
public record ControlCaseSummaryView(
        @Schema(required = true, example = "2026-06-30", description = "The day counted on (Asia/Shanghai)") LocalDate asOf,
        @Schema(required = true) List<Row> rows) {

    @Schema(name = "ControlCaseSummaryRow", description = "A county and species with an open case or a case eradicated this year")
    public record Row(
            @Schema(required = true, example = "410825") String countyCode,
            @Schema(required = true, example = "60") long speciesId,
            @Schema(required = true, example = "Hyphantria cunea") String scientificName,
            @Schema(required = true, nullable = true, example = "美国白蛾") String chineseName,
            @Schema(required = true, example = "3", description = "Cases not ERADICATED") long openCases,
            @Schema(required = true, example = "12.4", description = "Infested area of the open cases, hectares") double infestedAreaHa,
            @Schema(required = true, example = "9.1", description = "Area treated by the open cases' actions, hectares"
                    + " (repeated treatments count again)") double treatedAreaHa,
            @Schema(required = true, nullable = true, example = "4", description = "Days since the latest action of the"
                    + " open cases; null when none had an action") Long daysSinceLastAction,
            @Schema(required = true, example = "1", description = "Cases ERADICATED this calendar year") long eradicatedThisYear) {
    }
}
