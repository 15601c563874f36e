package cn.jiaozuo.biodiversity.patrol.domain;

/** How the effort report groups patrols. */
public enum EffortGrouping {
    /**
     * By county: the track's length and time inside each county outline, the rest (and a track outside every outline)
     * to the county the patrol declares.
     */
    county,
    /** By the calendar month of startedAt in the bureaus' time zone, e.g. 2025-05. */
    month,
    /** By team member: each member's group counts the whole patrol. */
    ranger,
    /** By sampling plot: the track inside each plot; patrols that entered none are in the total only. */
    plot,
    /** By protected area: the track inside each; patrols that entered none are in the total only. */
    protectedArea
}
