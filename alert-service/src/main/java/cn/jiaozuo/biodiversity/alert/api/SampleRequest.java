package cn.jiaozuo.biodiversity.alert.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SampleRequest", description = "A sample of a mortality report sent to a laboratory")
public record SampleRequest(
        @Schema(required = true, example = "JZ-2026-H-0117", description = "The sample's id as the lab knows it"
                + " (letters, digits, '-', '_', '.')") @NotBlank @Size(max = 60)
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may hold letters, digits, '-', '_' and '.' only") String sampleId,
        @Schema(required = true, example = "河南省动物疫病预防控制中心") @NotBlank @Size(max = 200) String lab,
        @Schema(required = true, example = "2026-11-28T15:00:00+08:00", description = "When it was sent; not in the"
                + " future") @NotNull OffsetDateTime sentAt) {
}
