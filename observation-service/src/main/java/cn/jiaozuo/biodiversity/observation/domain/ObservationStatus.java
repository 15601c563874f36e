package cn.jiaozuo.biodiversity.observation.domain;

/** Review state of an observation. */
public enum ObservationStatus {
    UNVERIFIED, VERIFIED, REJECTED
}
