package cn.jiaozuo.biodiversity.patrol.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Track", description = "The kept track: a GeoJSON MultiLineString (WGS-84, [longitude, latitude]) with the time of each position")
public record TrackView(
        @Schema(required = true, enumeration = "MultiLineString", example = "MultiLineString") String type,
        @Schema(required = true, example = "[[[113.3501, 35.4001], [113.3512, 35.4013]]]") List<List<List<Double>>> coordinates,
        @Schema(required = true, nullable = true, description = "The same shape as coordinates; null when the track had no times")
        List<List<Instant>> times) {
}
