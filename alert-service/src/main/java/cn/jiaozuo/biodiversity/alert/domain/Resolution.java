package cn.jiaozuo.biodiversity.alert.domain;

/** How the bureau closed an alert. */
public enum Resolution {
    ERADICATED, CONTAINED, FALSE_ALARM, MONITORING
}
