package cn.jiaozuo.biodiversity.alert.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CloseCaseRequest", description = "Why a case is closed by hand")
public record CloseCaseRequest(
        @Schema(required = true, example = "False report: the webs were of a native Spilosoma") @NotBlank
        @Size(max = 500) String reason) {
}
