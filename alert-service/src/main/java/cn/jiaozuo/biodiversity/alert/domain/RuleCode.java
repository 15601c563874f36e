package cn.jiaozuo.biodiversity.alert.domain;

/** The alert rules (alert types); each is a row of {@code alert_rule} whose parameters an admin can change. */
public enum RuleCode {
    INVASIVE_SPECIES, PROTECTED_SPECIES,
    /** Incidents reported by patrols (topic patrols): {@link EnforcementDecisions}. */
    ENFORCEMENT,
    /** Reminders of control cases whose follow-up survey is overdue (docs/control-cases.md); raised by no observation. */
    FOLLOW_UP_OVERDUE
}
