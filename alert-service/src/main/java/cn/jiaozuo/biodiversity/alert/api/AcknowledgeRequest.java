package cn.jiaozuo.biodiversity.alert.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AcknowledgeRequest")
public record AcknowledgeRequest(@Size(max = 4000) @Schema(nullable = true, example = "Forestry station of Xiuwu informed") String notes) {
}
