package cn.jiaozuo.biodiversity.plot.domain;

/** ACTIVE plots are matched and counted; RETIRED ones are kept with their history only. */
public enum PlotStatus {
    ACTIVE, RETIRED
}
