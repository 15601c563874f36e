package cn.jiaozuo.biodiversity.alert.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A control action as recorded; {@code treatedOutline} is validated GeoJSON, {@code treatedAreaHa} final. */
public record NewControlAction(UUID id, LocalDate performedOn, ControlMethod method, double treatedAreaHa,
        String treatedOutline, BigDecimal quantity, String unit, String team, String notes) {
}
