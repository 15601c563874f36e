package cn.jiaozuo.biodiversity.alert.domain;

/**
 * A change by hand of a case (PATCH /control-cases/{id}); null = unchanged. The area: {@code outline}, or a circle of
 * {@code radiusM} around {@code lat}/{@code lon} (the case's point when those are null).
 */
public record ControlCaseUpdate(CaseArea outline, Double lat, Double lon, Double radiusM, Severity severity,
        String responsibleOrg) {
}
