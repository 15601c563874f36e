package cn.jiaozuo.biodiversity.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Settings of invasive-species control cases (prefix {@code control-cases}): the follow-up schedule per species and
 * the reminder pass. The species' schedules are in application.properties (docs/control-cases.md).
 */
@ConfigMapping(prefix = "control-cases")
public interface ControlCaseConfig {

    /** The schedule of species without one of their own. */
    Schedule defaults();

    /** Schedules per species, matched on the binomial (first two words) of the scientific name. */
    List<SpeciesSchedule> species();

    /** How often the reminder pass looks for overdue follow-ups. */
    @WithDefault("1h")
    Duration reminderInterval();

    /** Whether this instance runs the reminder pass (any number may: each reminder is raised once). */
    @WithDefault("true")
    boolean remindersEnabled();

    /** The radius of a case opened from an alert without an outline or radius of its own. */
    @WithDefault("100")
    double defaultRadiusM();

    interface Schedule {

        /** Days between follow-up surveys. */
        int followUpIntervalDays();

        /** Consecutive negative follow-ups before a case is ERADICATED … */
        int negativesToEradicate();

        /** … spanning at least this many days from the first to the last of them. */
        int minEradicationDays();
    }

    interface SpeciesSchedule extends Schedule {

        /** e.g. {@code Hyphantria cunea}. */
        String scientificName();
    }
}
