package cn.jiaozuo.biodiversity.alert.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChecklistRequest", description = "A step of the emergency checklist done")
public record ChecklistRequest(
        @Schema(example = "Site cordoned off, 200 m around the reed bed") @Size(max = 2000) String notes) {
}
