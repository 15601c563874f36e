package cn.jiaozuo.biodiversity.alert.domain;

/** A sample's laboratory result: PENDING until the lab answers; NEGATIVE and POSITIVE are final. */
public enum SampleResult {
    PENDING, NEGATIVE, POSITIVE
}
