package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.StationType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StationRequest", description = "A monitoring station on a plot and the identity it uploads with")
public record StationRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}", message = "must be 1–100 letters, digits, '.', '_' or '-'")
        @Schema(example = "CT-XW-0007", description = "The id the station's uploads carry as stationId") String id,
        @NotNull @Schema(example = "CAMERA_TRAP") StationType type,
        @NotBlank @Size(max = 20) @Pattern(regexp = "[^\\u0000]*", message = "must not contain NUL characters")
        @Schema(example = "410821-01", description = "An active plot") String plotCode,
        @NotNull @Valid Location location,
        @NotNull @PastOrPresent @Schema(example = "2025-03-20") LocalDate installedOn,
        // Java's \P{Cntrl}, spelled so that the OpenAPI document's pattern (ECMA 262) means the same.
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters")
        @Schema(example = "station-ct-xw-0007", description = "The subject (sub claim) of the token the station uploads with."
                + " observation-service accepts uploads naming this station only from that identity (or an admin), and only"
                + " its uploads move lastSeenAt. Several stations may share one identity (a team's uploader).")
        String subject) {

    @Schema(name = "StationLocation", description = "WGS-84 point")
    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(example = "35.405") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(example = "113.205") Double lon) {
    }
}
