package cn.jiaozuo.biodiversity.plot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "plots")
public interface PlotConfig {

    /** Survey interval of a plot created without one (the plan asks for regular surveys; a season is 90 days). */
    @WithDefault("90")
    int defaultSurveyIntervalDays();

    /** Calendar of the bureaus: "today", overdue surveys and future visit dates are judged in it. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * How often the in-memory spatial index is reloaded from the database, so plots changed through
     * another instance are located too (changes through this instance apply at commit).
     */
    @WithDefault("60s")
    Duration indexRefresh();

    /**
     * How often visits not yet published (recorded before visits were published, or by a pod of the previous release
     * during a rolling update) are looked for and published; also once at startup.
     */
    @WithDefault("5m")
    Duration surveyBacklogCheck();

    /** Largest page of {@code GET /plots}. */
    @WithDefault("500")
    int maxPageSize();
}
