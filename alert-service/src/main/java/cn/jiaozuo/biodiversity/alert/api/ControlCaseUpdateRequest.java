package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ControlCaseUpdateRequest", description = "What to change of an open case; omitted fields stay. The area:"
        + " an outline, or radiusM (around point, or around the case's point)")
public record ControlCaseUpdateRequest(
        @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class, description = "GeoJSON Polygon of the"
                + " infestation (WGS-84 [lon, lat])", example = "{\"type\": \"Polygon\", \"coordinates\": [[[113.070, 35.160],"
                + " [113.080, 35.160], [113.080, 35.168], [113.070, 35.168], [113.070, 35.160]]]}") JsonNode outline,
        @Valid @Schema(description = "New centre of a circular area (with radiusM)") ControlCaseRequest.PointRequest point,
        @Schema(example = "800", description = "Radius in metres (1–50 000)") @Positive @DecimalMax("50000") Double radiusM,
        @Schema(example = "CRITICAL") Severity severity,
        @Schema(example = "wenxian-forestry-station", description = "The responsible unit (an org claim value)")
        @Size(min = 1, max = 100) @Pattern(regexp = "[^\\u0000-\\u001F\\u007F]*",
                message = "must not contain control characters") String responsibleOrg) {
}
