package cn.jiaozuo.biodiversity.observation.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Items stay raw JSON until each is read on its own, so one malformed item cannot sink the others. */
@Schema(name = "ObservationBatchRequest", description = "Up to 1000 observations")
public record ObservationBatchRequest(
        @Schema(type = SchemaType.ARRAY, implementation = ObservationRequest.class, maxItems = 1000)
        @NotNull List<JsonNode> items) {
}
