package cn.jiaozuo.biodiversity.patrol.domain;

/** Why a track point was left out of the patrol's effort. */
public enum DropReason {
    /** Reaching it from the previous kept point, or leaving it for the next, needs a speed the transport cannot make. */
    SPEED,
    /** Outside Jiaozuo and its surroundings: a receiver's cold-start fix or a 0,0 point. */
    OUTSIDE_AREA,
    /** Its time is not after the previous kept point's (a repeated or backwards fix). */
    TIME_NOT_INCREASING,
    /** Outside the patrol's time (startedAt to endedAt, with the configured tolerance). */
    OUTSIDE_PATROL_TIME,
    /** No time, in a track whose other points have one: its speed cannot be judged. */
    NO_TIME,
    /** The only point left of its segment after the others were dropped: a line needs two. */
    ISOLATED
}
