package cn.jiaozuo.biodiversity.alert.domain;

/** Alert severities, in ascending order: a subscription's {@code minSeverity} compares by this order. */
public enum Severity {
    INFO, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
