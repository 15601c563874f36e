package cn.jiaozuo.biodiversity.observation.domain;

/** How the organism was detected. */
public enum ObservationMethod {
    SIGHTING, CAMERA_TRAP, ACOUSTIC, TRACK, SIGN, SPECIMEN, OTHER
}
