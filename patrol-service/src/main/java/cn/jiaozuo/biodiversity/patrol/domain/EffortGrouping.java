package cn.jiaozuo.biodiversity.patrol.domain;

/** How the effort report groups patrols. */
public enum EffortGrouping {
    /** By the county each patrol declares. */
    county,
    /** By the calendar month of startedAt in the bureaus' time zone, e.g. 2025-05. */
    month,
    /** By team member: each member's group counts the whole patrol. */
    ranger
}
