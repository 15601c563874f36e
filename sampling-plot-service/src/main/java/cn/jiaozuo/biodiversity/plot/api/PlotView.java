package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plot", description = "A sampling plot")
public record PlotView(
        @Schema(required = true, example = "410821-01", description = "<countyCode>-<NN>, assigned by the server") String code,
        @Schema(required = true, example = "云台山茱萸峰样地") String name,
        @Schema(required = true, example = "410821") String countyCode,
        @Schema(required = true, example = "TAIHANG", nullable = true) String priorityArea,
        @Schema(required = true, example = "FOREST") String ecosystem,
        @Schema(required = true, example = "[\"QUADRAT\",\"CAMERA_TRAP_GRID\"]") List<String> methods,
        @Schema(required = true, example = "ACTIVE", description = "ACTIVE or RETIRED") String status,
        @Schema(required = true, implementation = GeoJsonGeometry.class, description = "GeoJSON Polygon or MultiPolygon, WGS-84",
                example = "{\"type\":\"Polygon\",\"coordinates\":[[[113.20,35.40],[113.21,35.40],[113.21,35.41],[113.20,35.41],[113.20,35.40]]]}")
        JsonNode geometry,
        @Schema(required = true, example = "101.39", description = "Geodesic area on the WGS-84 ellipsoid, hectares") double areaHa,
        @Schema(required = true, example = "yuntaishan-forest-park", nullable = true) String protectedAreaId,
        @Schema(required = true, example = "2025-04-01", nullable = true) LocalDate establishedOn,
        @Schema(required = true, example = "90") int surveyIntervalDays,
        @Schema(required = true, example = "2025-04-02T08:00:00Z") Instant updatedAt) {

    static PlotView of(PlotSnapshot s) {
        return new PlotView(s.code(), s.name(), s.countyCode(), s.priorityArea(), s.ecosystem(), s.methods(),
                s.status(), s.geometry(), s.areaHa(), s.protectedAreaId(), s.establishedOn(), s.surveyIntervalDays(),
                s.updatedAt());
    }
}
