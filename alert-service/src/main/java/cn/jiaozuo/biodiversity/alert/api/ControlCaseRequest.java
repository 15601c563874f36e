package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ControlCaseRequest", description = "A case to open: from an invasive-species alert (alertId; species,"
        + " county and point are the alert's) or directly (speciesId, scientificName, countyCode, severity and an area:"
        + " outline, or point and radiusM)")
public record ControlCaseRequest(
        @Schema(example = "6f1c2a0e-2d7b-4c7e-9a55-3f0f3c1d2b11", description = "An INVASIVE_SPECIES alert; at most one case per alert")
        UUID alertId,
        @Schema(example = "60", description = "Catalog species id (observation-service GET /species); directly opened cases only")
        @Positive Long speciesId,
        @Schema(example = "Hyphantria cunea") @Size(max = 300) String scientificName,
        @Schema(example = "美国白蛾") @Size(max = 300) String chineseName,
        @Schema(example = "410823", description = "GB/T 2260 county code; directly opened cases only")
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 code") String countyCode,
        @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class, description = "GeoJSON Polygon of the infestation (WGS-84 [lon, lat]); its area is"
                + " computed on the ellipsoid", example = "{\"type\": \"Polygon\", \"coordinates\": [[[113.070, 35.160],"
                + " [113.075, 35.160], [113.075, 35.164], [113.070, 35.164], [113.070, 35.160]]]}") JsonNode outline,
        @Valid @Schema(description = "Centre of a circular area (with radiusM); directly opened cases without outline") PointRequest point,
        @Schema(example = "300", description = "Radius in metres (1–50 000) around point, or around the alert's point (default 100)")
        @Positive @DecimalMax("50000") Double radiusM,
        @Schema(example = "HIGH", description = "Required when opened directly; default the alert's severity") Severity severity,
        @Schema(example = "wenxian-forestry-station", description = "The responsible unit (an org claim value); default the"
                + " caller's org") @Size(max = 100) @Pattern(regexp = "[^\\u0000-\\u001F\\u007F]*",
                        message = "must not contain control characters") String responsibleOrg,
        @Schema(example = "Webs on Populus along the levee, 12 trees") @Size(max = 2000) String notes) {

    @Schema(name = "CasePoint")
    public record PointRequest(
            @Schema(required = true, example = "35.162") @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @Schema(required = true, example = "113.072") @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }
}
