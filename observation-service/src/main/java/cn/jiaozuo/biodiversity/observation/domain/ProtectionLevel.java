package cn.jiaozuo.biodiversity.observation.domain;

/** National protection class (2021 lists), Henan's provincial list, or none. */
public enum ProtectionLevel {
    NATIONAL_I, NATIONAL_II, PROVINCIAL, NONE
}
