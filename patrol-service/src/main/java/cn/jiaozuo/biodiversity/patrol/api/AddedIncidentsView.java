package cn.jiaozuo.biodiversity.patrol.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AddedIncidents", description = "The incidents of a POST /patrols/{uuid}/incidents as stored, in the order sent")
public record AddedIncidentsView(
        @Schema(required = true, example = "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f") UUID patrolUuid,
        @Schema(required = true, example = "4", description = "The patrol's incidents now, these included") int incidentCount,
        @Schema(required = true) List<IncidentView> incidents) {
}
