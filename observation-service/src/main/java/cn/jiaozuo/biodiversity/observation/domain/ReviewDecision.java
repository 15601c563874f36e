package cn.jiaozuo.biodiversity.observation.domain;

/** What a reviewer may set: an observation cannot be sent back to UNVERIFIED. */
public enum ReviewDecision {
    VERIFIED, REJECTED
}
