package cn.jiaozuo.biodiversity.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Payload of {@code PlotUpserted} and {@code PlotRetired} on the compacted topic {@link Topics#PLOTS}
 * (key = {@code code}).
 *
 * @param geometry     GeoJSON Polygon or MultiPolygon, WGS-84
 * @param priorityArea TAIHANG, YELLOW_RIVER or null
 * @param status       ACTIVE or RETIRED
 */
public record PlotSnapshot(
        String code,
        String name,
        String countyCode,
        String priorityArea,
        String ecosystem,
        List<String> methods,
        String status,
        JsonNode geometry,
        double areaHa,
        String protectedAreaId,
        LocalDate establishedOn,
        int surveyIntervalDays,
        Instant updatedAt) {
}
