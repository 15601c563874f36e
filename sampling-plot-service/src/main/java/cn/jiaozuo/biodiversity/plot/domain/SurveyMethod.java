package cn.jiaozuo.biodiversity.plot.domain;

/** A field method used on a plot (and in a survey visit). */
public enum SurveyMethod {
    QUADRAT, TRANSECT, CAMERA_TRAP_GRID, POINT_COUNT, ACOUSTIC
}
