package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.domain.Datum;
import cn.jiaozuo.biodiversity.observation.domain.RecordObservation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Published as {@code LocationInput}, its name before requests were named {@code *Request}. */
@Schema(name = "LocationInput", description = "Where the organism was. GCJ02 points (Chinese map SDKs) are converted to WGS-84 on input.")
public record LocationRequest(
        @Schema(example = "35.3321", description = "Latitude in degrees") @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @Schema(example = "113.3604", description = "Longitude in degrees") @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @Schema(example = "12", description = "Radius of uncertainty in metres, 0–100000 (100 km: wider says nothing about a"
                + " place in Jiaozuo)", minimum = "0", maximum = "100000") @PositiveOrZero @DecimalMax("100000") Double accuracyM,
        @Schema(example = "WGS84", description = "Datum of lat/lon; WGS84 when absent", defaultValue = "WGS84") Datum datum) {

    RecordObservation.Location toLocation() {
        return new RecordObservation.Location(lat, lon, accuracyM, datum);
    }
}
