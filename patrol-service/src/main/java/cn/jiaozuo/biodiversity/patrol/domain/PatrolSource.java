package cn.jiaozuo.biodiversity.patrol.domain;

/** How a patrol reached the service. */
public enum PatrolSource {
    /** POST /patrols: a GeoJSON track from an app. */
    JSON,
    /** POST /patrols/gpx: a GPX 1.1 file from a handheld GPS unit or an app's export. */
    GPX
}
