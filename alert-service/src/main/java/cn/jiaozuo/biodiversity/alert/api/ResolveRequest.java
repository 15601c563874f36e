package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.Resolution;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResolveRequest")
public record ResolveRequest(
        @NotNull @Schema(example = "CONTAINED", required = true) Resolution action,
        @Size(max = 4000) @Schema(nullable = true, example = "Infested trees felled and burnt; trap monitoring continues") String notes) {
}
