package cn.jiaozuo.biodiversity.alert.domain;

import java.util.UUID;

/**
 * A case to open. From an alert: {@code alertId} set, species, county and point taken from the alert ({@code area}
 * may replace the point). Directly: species, county and area given. Fields not given are null.
 */
public record NewControlCase(UUID alertId, Long speciesId, String scientificName, String chineseName,
        String countyCode, CaseArea area, Double radiusM, Severity severity, String responsibleOrg, String notes) {
}
