package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The plan's indicator definitions that are policy, not code. */
@ConfigMapping(prefix = "biodiversity.indicators")
public interface IndicatorConfig {

    /** A protected species counts as protected when recorded inside a plot within this many years (the plan: 3). */
    @WithDefault("3")
    int protectionWindowYears();

    /** The plan's target for the protection rate. */
    @WithDefault("0.95")
    double protectionRateTarget();

    /** How many calendar months (including the current one) the invasive detections cover. */
    @WithDefault("12")
    int invasiveMonths();
}
