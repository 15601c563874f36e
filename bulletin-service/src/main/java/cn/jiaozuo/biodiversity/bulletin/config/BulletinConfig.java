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

    ProtectionRate protectionRate();

    /**
     * The protection rate of the nationally protected species (docs/bulletins.md, "Protection rate"): a monitoring
     * proxy, the share of the catalog's NATIONAL_I and NATIONAL_II species with a record in the scope within the
     * look-back window ending at the period's end.
     */
    interface ProtectionRate {
        /** How far back a record still counts a species as recorded (one visit every few years is the plan's rhythm). */
        @WithDefault("P5Y")
        java.time.Period window();

        /** The plan's target in percent (行动 18: ≥ 95 %), drawn as the chart's line; a lower rate gets a highlight. */
        @WithDefault("95")
        double targetPercent();
    }

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

        /** "-v2" since V6: a new group reads the compacted topic again, so every plot gains its interval and start. */
        @WithDefault("bulletin-service-plots-v2")
        String plotsGroup();

        @WithDefault("bulletin-service-geography")
        String geographyGroup();

        @WithDefault("bulletin-service-control-cases")
        String controlCasesGroup();

        @WithDefault("bulletin-service-stations")
        String stationsGroup();

        @WithDefault("bulletin-service-surveys")
        String surveysGroup();

        @WithDefault("bulletin-service-species")
        String speciesGroup();
    }
}
