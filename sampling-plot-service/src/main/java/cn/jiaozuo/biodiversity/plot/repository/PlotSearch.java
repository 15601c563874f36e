package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import cn.jiaozuo.biodiversity.plot.domain.Ecosystem;
import cn.jiaozuo.biodiversity.plot.domain.PlotStatus;

/** Criteria of a plot listing (null means "any") and the page wanted, 0-based. */
public record PlotSearch(String countyCode, PriorityArea priorityArea, Ecosystem ecosystem, PlotStatus status, int page,
        int size) {
}
