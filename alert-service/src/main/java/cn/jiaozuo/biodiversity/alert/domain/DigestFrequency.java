package cn.jiaozuo.biodiversity.alert.domain;

/** How often a subscription gets a digest of the alerts it was not sent at once. */
public enum DigestFrequency {
    /** No digest: every alert at once (quiet hours' held alerts go out when they end). */
    NONE,
    /** At every full hour, local time (none inside quiet hours). */
    HOURLY,
    /** Once a day at the subscription's {@code digestAt}, local time. */
    DAILY
}
