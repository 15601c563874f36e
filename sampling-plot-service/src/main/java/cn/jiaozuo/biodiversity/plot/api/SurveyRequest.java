package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.SurveyMethod;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
        // The column is numeric(6,2): more decimals were rounded away (0.001 became 0.00) and an exponent such as
        // 1e-999999999 overflowed PostgreSQL's numeric format, a 500.
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("240")
        @Digits(integer = 3, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(example = "3.5", description = "Person-hours spent on the plot, > 0 and ≤ 240, at most 2 decimal places")
        BigDecimal effortHours,
        @Size(max = 4000) @Pattern(regexp = "[^\\u0000]*", message = "must not contain NUL characters")
        @Schema(example = "新增红外相机2台，记录到猕猴群约20只", nullable = true) String notes) {
}
