package cn.jiaozuo.biodiversity.alert.domain;

/**
 * DETECTED → UNDER_CONTROL (first action) → CONTROLLED (a negative follow-up) → ERADICATED (the species' streak of
 * negative follow-ups); a positive follow-up or a sighting in the area sends a CONTROLLED or ERADICATED case back to
 * UNDER_CONTROL. {@link ControlCaseStatusMachine} decides. CLOSED: closed by hand by the bureau from any status but
 * ERADICATED (a false report, merged into another case, handed over); final, as nothing reopens it.
 */
public enum ControlCaseStatus {
    DETECTED, UNDER_CONTROL, CONTROLLED, ERADICATED, CLOSED;

    /** Cases still needing work: every status but ERADICATED and CLOSED. */
    public boolean open() {
        return this != ERADICATED && this != CLOSED;
    }
}
