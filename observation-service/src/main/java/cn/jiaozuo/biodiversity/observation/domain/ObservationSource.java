package cn.jiaozuo.biodiversity.observation.domain;

/** Who recorded an observation, from the caller's role. */
public enum ObservationSource {
    RANGER, STATION
}
