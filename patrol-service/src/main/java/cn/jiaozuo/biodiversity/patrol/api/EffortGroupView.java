package cn.jiaozuo.biodiversity.patrol.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EffortGroup", description = "Patrol effort of one group")
public record EffortGroupView(
        @Schema(required = true, example = "410821", description = "County code, month (2025-05), ranger subject, plot code or protected-area id; total for the totals") String key,
        @Schema(required = true, example = "12") int patrols,
        @Schema(required = true, example = "96.412", description = "Geodesic km of the kept tracks (by area: of their parts inside it)") double distanceKm,
        @Schema(required = true, example = "51.5", description = "Patrol hours (endedAt − startedAt); by area, the time inside from the track's point times (by county,"
                + " the declared county gets the rest)") double hours,
        @Schema(required = true, description = "Incidents by type, every type listed (0 when none)",
                example = "{\"SNARE\": 4, \"TRAP\": 1, \"POACHING\": 0, \"ILLEGAL_LOGGING\": 0, \"ILLEGAL_GRAZING\": 2, \"FIRE\": 0,"
                        + " \"MINING\": 0, \"ILLEGAL_TRADE\": 0, \"CARCASS\": 1, \"DISTURBANCE\": 0, \"OTHER\": 0}")
        Map<String, Integer> incidentsByType) {
}
