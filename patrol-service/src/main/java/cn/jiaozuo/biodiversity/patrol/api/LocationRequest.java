package cn.jiaozuo.biodiversity.patrol.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LocationRequest", description = "A point in the patrol's datum (WGS84 unless the patrol says GCJ02)")
public record LocationRequest(
        @Schema(required = true, example = "35.4012", description = "Latitude in degrees")
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @Schema(required = true, example = "113.3521", description = "Longitude in degrees")
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
}
