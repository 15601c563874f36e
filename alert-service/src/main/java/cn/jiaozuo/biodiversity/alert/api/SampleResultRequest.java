package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.SampleResult;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SampleResultRequest", description = "A laboratory's result for a sample")
public record SampleResultRequest(
        @Schema(required = true, example = "POSITIVE") @NotNull SampleResult result,
        @Schema(example = "H5N1", description = "Required with POSITIVE, omitted otherwise") @Size(max = 60)
        @Pattern(regexp = "[^\\u0000-\\u001F\\u007F]*", message = "must not contain control characters") String pathogen,
        @Schema(example = "2026-11-30", description = "Required with NEGATIVE and POSITIVE; a local date (Asia/Shanghai),"
                + " not in the future") LocalDate resultDate) {
}
