package cn.jiaozuo.biodiversity.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code ControlActionRecorded} on {@link Topics#CONTROL_CASES} (key = {@code caseId}): one control action
 * against an invasive-species case.
 *
 * @param method MANUAL_REMOVAL, WEB_TENT_CUTTING, LIGHT_TRAP, PHEROMONE_TRAP, BIOLOGICAL_CONTROL, CHEMICAL,
 *               QUARANTINE_FELLING or OTHER
 */
public record ControlActionSnapshot(
        UUID id,
        UUID caseId,
        long speciesId,
        String countyCode,
        LocalDate performedOn,
        String method,
        double treatedAreaHa,
        BigDecimal quantity,
        String unit,
        String team,
        String recordedBy,
        Instant recordedAt) {
}
