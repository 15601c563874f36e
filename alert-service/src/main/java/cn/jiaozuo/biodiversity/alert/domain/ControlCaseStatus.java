package cn.jiaozuo.biodiversity.alert.domain;

/**
 * DETECTED → UNDER_CONTROL (first action) → CONTROLLED (a negative follow-up) → ERADICATED (the species' streak of
 * negative follow-ups); a positive follow-up or a sighting in the area sends a CONTROLLED or ERADICATED case back to
 * UNDER_CONTROL. {@link ControlCaseStatusMachine} decides.
 */
public enum ControlCaseStatus {
    DETECTED, UNDER_CONTROL, CONTROLLED, ERADICATED;

    /** Cases still needing work: every status but ERADICATED. */
    public boolean open() {
        return this != ERADICATED;
    }
}
