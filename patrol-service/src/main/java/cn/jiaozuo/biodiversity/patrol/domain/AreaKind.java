package cn.jiaozuo.biodiversity.patrol.domain;

/** The kinds of area a patrol's effort is split by. */
public enum AreaKind {
    COUNTY, PLOT, PROTECTED_AREA
}
