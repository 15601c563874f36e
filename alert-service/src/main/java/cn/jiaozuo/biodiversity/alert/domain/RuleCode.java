package cn.jiaozuo.biodiversity.alert.domain;

/** The alert rules (alert types); each is a row of {@code alert_rule} whose parameters an admin can change. */
public enum RuleCode {
    INVASIVE_SPECIES, PROTECTED_SPECIES,
    /** Incidents reported by patrols (topic patrols): {@link EnforcementDecisions}. */
    ENFORCEMENT,
    /** Reminders of control cases whose follow-up survey is overdue (docs/control-cases.md); raised by no observation. */
    FOLLOW_UP_OVERDUE,
    /** Dead wild birds clustering in space and time (docs/biosecurity.md): {@link DiseaseClusterRule}. */
    DISEASE_CLUSTER,
    /** A mortality report of a protected species' carcass, or a POSITIVE sample of a report without a live alert. */
    WILDLIFE_MORTALITY;

    /** The rules of wildlife disease surveillance: their alerts carry the disease figures and the emergency checklist. */
    public boolean disease() {
        return this == DISEASE_CLUSTER || this == WILDLIFE_MORTALITY;
    }
}
