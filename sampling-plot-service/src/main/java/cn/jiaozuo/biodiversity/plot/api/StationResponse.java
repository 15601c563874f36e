package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.Station;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Station", description = "A monitoring station and when it last uploaded")
public record StationResponse(
        @Schema(example = "CT-XW-0007") String id,
        @Schema(example = "CAMERA_TRAP") String type,
        @Schema(example = "410821-01") String plotCode,
        StationRequest.Location location,
        @Schema(example = "2025-03-20") LocalDate installedOn,
        @Schema(example = "2025-05-12T02:14:00Z", nullable = true, description = "recordedAt of the newest observation it uploaded; null before the first")
        Instant lastSeenAt) {

    static StationResponse of(Station s) {
        return new StationResponse(s.id, s.type.name(), s.plotCode, new StationRequest.Location(s.lat, s.lon),
                s.installedOn, s.lastSeenAt);
    }
}
