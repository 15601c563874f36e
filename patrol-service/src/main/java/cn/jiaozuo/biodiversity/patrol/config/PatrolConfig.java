package cn.jiaozuo.biodiversity.patrol.config;

import cn.jiaozuo.biodiversity.patrol.domain.Transport;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "patrols")
public interface PatrolConfig {

    /** Calendar of the bureaus: months of the effort report are months there. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Track points of one patrol, all segments together (a day on foot logged every second is about 40,000). */
    @WithDefault("50000")
    int maxTrackPoints();

    /** Incidents (and GPX waypoints) of one patrol. */
    @WithDefault("500")
    int maxIncidents();

    /** Members of one patrol team. */
    @WithDefault("30")
    int maxTeamSize();

    /** The longest patrol (multi-day patrols camp out; longer is a data-entry mistake). */
    @WithDefault("P14D")
    Duration maxDuration();

    /** How far in the future an end, incident or track point may lie (device clocks drift). */
    @WithDefault("PT10M")
    Duration futureTolerance();

    /**
     * How far outside [startedAt, endedAt] a track point or incident may lie: a device started before the patrol was
     * declared started. Track points beyond it are dropped, incidents beyond it are refused.
     */
    @WithDefault("PT30M")
    Duration timeTolerance();

    @WithDefault("50")
    int defaultPageSize();

    @WithDefault("500")
    int maxPageSize();

    /** The widest from–to window of GET /patrol-effort. */
    @WithDefault("P366D")
    Duration maxEffortWindow();

    /** Speeds above which a track point is a GPS spike, by means of transport. */
    MaxSpeed maxSpeedKmh();

    interface MaxSpeed {
        /** Running on a path; a fix 15 km/h away from the last is a jump of the receiver, not of the ranger. */
        @WithDefault("15")
        double foot();

        @WithDefault("150")
        double vehicle();

        @WithDefault("80")
        double boat();

        @WithDefault("120")
        double drone();

        default double of(Transport transport) {
            return switch (transport) {
                case FOOT -> foot();
                case VEHICLE -> vehicle();
                case BOAT -> boat();
                case DRONE -> drone();
            };
        }
    }
}
