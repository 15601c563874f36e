package cn.jiaozuo.biodiversity.plot.domain;

/** The kind of automatic monitoring station. */
public enum StationType {
    CAMERA_TRAP, ACOUSTIC
}
