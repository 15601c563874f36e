package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.SurveyMethod;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyRequest", description = "One field visit to a plot")
public record SurveyRequest(
        @NotNull @Schema(example = "2025-05-12", description = "Day of the visit; not in the future (Asia/Shanghai)") LocalDate visitedOn,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\u0000]*", message = "must not contain NUL characters")
        @Schema(example = "修武县林业局监测二组") String team,
        @NotNull @Schema(example = "TRANSECT") SurveyMethod method,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("240")
        @Schema(example = "3.5", description = "Person-hours spent on the plot") BigDecimal effortHours,
        @Size(max = 4000) @Pattern(regexp = "[^\\u0000]*", message = "must not contain NUL characters")
        @Schema(example = "新增红外相机2台，记录到猕猴群约20只", nullable = true) String notes) {
}
