package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.Datum;
import cn.jiaozuo.biodiversity.patrol.domain.Mandate;
import cn.jiaozuo.biodiversity.patrol.domain.Transport;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PatrolRequest", description = "A patrol as a ranger's app records it")
public record PatrolRequest(
        @Schema(required = true, example = "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f",
                description = "Made by the app when the patrol starts: the idempotency key of every retry")
        @NotNull UUID uuid,
        @Schema(required = true, example = "ROUTINE") @NotNull Mandate mandate,
        @Schema(required = true, example = "FOOT") @NotNull Transport transport,
        @Schema(required = true, example = "410821", description = "GB/T 2260 code of the county responsible for the patrol")
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 code") String countyCode,
        @Schema(required = true, example = "[\"ranger-xw-017\", \"ranger-xw-022\"]",
                description = "Token subjects of the team members (1–30); they may read the patrol's track")
        @NotEmpty List<@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\u0000-\\u001F\\u007F]*", message = "must not contain control characters") String> team,
        @Schema(required = true, example = "2025-05-14T07:30:00+08:00") @NotNull OffsetDateTime startedAt,
        @Schema(required = true, example = "2025-05-14T12:10:00+08:00") @NotNull OffsetDateTime endedAt,
        @Schema(example = "WGS84", description = "Datum of the track and incident points; WGS84 when absent. GCJ02 (Chinese map"
                + " SDKs) is converted to WGS-84", defaultValue = "WGS84") Datum datum,
        @Schema(required = true, implementation = GeoJsonTrack.class, example = "{\"type\": \"LineString\", \"coordinates\":"
                + " [[113.3501, 35.4001], [113.3512, 35.4013], [113.3521, 35.4012]], \"times\": [\"2025-05-14T07:30:05+08:00\","
                + " \"2025-05-14T07:31:10+08:00\", \"2025-05-14T07:32:02+08:00\"]}")
        @NotNull JsonNode track,
        @Schema(example = "沿茱萸峰北坡巡护，天气晴") @Size(max = 2000) String notes,
        @Schema(description = "What the patrol found; at most 500") List<@NotNull @Valid IncidentRequest> incidents) {
}
