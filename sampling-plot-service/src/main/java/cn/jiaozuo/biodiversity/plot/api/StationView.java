package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.Station;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Station", description = "A monitoring station, the identity it uploads with and when it last uploaded."
        + " Only reviewers, admins and the station itself read it: point and lastSeenAt locate its uploads.")
public record StationView(
        @Schema(required = true, example = "CT-XW-0007") String id,
        @Schema(required = true, example = "CAMERA_TRAP") String type,
        @Schema(required = true, example = "410821-01") String plotCode,
        @Schema(required = true) StationRequest.Location location,
        @Schema(required = true, example = "2025-03-20") LocalDate installedOn,
        @Schema(required = true, example = "station-ct-xw-0007", nullable = true,
                description = "Token subject the station uploads with; null for a station registered before stations were bound")
        String subject,
        @Schema(required = true, example = "2025-05-12T02:14:00Z", nullable = true,
                description = "recordedAt of the newest observation uploaded by its bound identity; null before the first")
        Instant lastSeenAt) {

    static StationView of(Station s) {
        return new StationView(s.id, s.type.name(), s.plotCode, new StationRequest.Location(s.lat, s.lon),
                s.installedOn, s.subject, s.lastSeenAt);
    }
}
