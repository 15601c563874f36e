package cn.jiaozuo.biodiversity.bulletin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Bulletins: the bureaus' calendar, the public edition's threshold, the monthly schedule and paging. */
@ConfigMapping(prefix = "bulletins")
public interface BulletinConfig {

    /** The calendar periods and weeks are counted in (Asia/Shanghai). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Counts below this are suppressed in the public edition (small numbers can point at a nest or a den). */
    @WithDefault("3")
    int publicMinCount();

    /** The longest period a bulletin may cover. */
    @WithDefault("P366D")
    Duration maxPeriod();

    @WithDefault("50")
    int defaultPageSize();

    @WithDefault("200")
    int maxPageSize();

    Schedule schedule();

    Pdf pdf();

    Consumers consumers();

    /** The monthly bulletins (docs/bulletins.md, "Schedule"). */
    interface Schedule {
        /** Off in tests, which drive the scheduler with a fixed clock. */
        @WithDefault("true")
        boolean enabled();

        /** How often the scheduler looks whether this month's bulletins exist. */
        @WithDefault("PT10M")
        Duration checkEvery();
    }

    /** The PDF (docs/bulletins.md, "PDF"): the CJK font embedded into every PDF. */
    interface Pdf {
        /** A TrueType font or collection with Chinese glyphs; Debian's fonts-wqy-zenhei by default (also in the image). */
        @WithDefault("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
        java.nio.file.Path font();

        /** The family the page's CSS names first for it. */
        @WithDefault("WenQuanYi Zen Hei")
        String fontFamily();
    }

    /** Kafka consumer groups of the read model (prefix bulletin-service: the KafkaUser's group ACL). */
    interface Consumers {
        @WithDefault("bulletin-service-observations")
        String observationsGroup();

        @WithDefault("bulletin-service-alerts")
        String alertsGroup();

        @WithDefault("bulletin-service-patrols")
        String patrolsGroup();

        @WithDefault("bulletin-service-plots")
        String plotsGroup();

        @WithDefault("bulletin-service-geography")
        String geographyGroup();

        @WithDefault("bulletin-service-control-cases")
        String controlCasesGroup();

        @WithDefault("bulletin-service-stations")
        String stationsGroup();
    }
}
