package cn.jiaozuo.biodiversity.plot.domain;

/** The ecosystem a plot samples. */
public enum Ecosystem {
    FOREST, SHRUBLAND, GRASSLAND, WETLAND, RIVER, FARMLAND, URBAN
}
