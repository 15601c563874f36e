package cn.jiaozuo.biodiversity.common.events;

import java.util.List;

/**
 * Every Kafka topic of the system, in one place for producers, consumers, the local stack and the
 * test broker. The local stack and tests create them from {@link #ALL}; production declares the
 * same names as Strimzi {@code KafkaTopic} resources.
 */
public final class Topics {

    /** Observation events, key {@code countyCode:speciesId}. Internal: carries exact points. */
    public static final String OBSERVATIONS = "observations";
    /**
     * Observation events for outside agencies, key {@code countyCode:speciesId}: the same events as
     * {@link #OBSERVATIONS}, each record as the anonymous public API shows it ({@link PublicObservation}):
     * sensitive species generalized, and their events held back to a daily release so that their
     * timing cannot tie them to the exact records uploaded with them.
     */
    public static final String OBSERVATIONS_PUBLIC = "observations.public";
    /** Observation events a consumer could not process. */
    public static final String OBSERVATIONS_DLQ = "observations.dlq";
    /** Plot events, key = plot code; compacted so a new consumer rebuilds the current plots. */
    public static final String PLOTS = "plots";
    /** Plot events a consumer could not process. */
    public static final String PLOTS_DLQ = "plots.dlq";
    /**
     * Station registry events, key = station id; compacted so a new consumer rebuilds which identity
     * each station uploads with (observation-service checks uploads against it).
     */
    public static final String STATIONS = "stations";
    /** Station events a consumer could not process. */
    public static final String STATIONS_DLQ = "stations.dlq";
    /** Alert lifecycle events, key = county code. */
    public static final String ALERTS = "alerts";
    /** Alert events a consumer could not process (bulletin-service's read model). */
    public static final String ALERTS_DLQ = "alerts.dlq";
    /**
     * Patrol events ({@link PatrolSnapshot}, {@link IncidentSnapshot}), key = patrol uuid, so a patrol's incidents
     * follow it. Internal: exact incident points.
     */
    public static final String PATROLS = "patrols";
    /** Patrol events a consumer could not process. */
    public static final String PATROLS_DLQ = "patrols.dlq";
    /**
     * Outlines of counties and protected areas ({@link AreaSnapshot}), key = {@code kind:id}; compacted so a new
     * consumer rebuilds the current outlines.
     */
    public static final String GEOGRAPHY = "geography";
    /** Geography events a consumer could not process. */
    public static final String GEOGRAPHY_DLQ = "geography.dlq";
    /**
     * Invasive-species control cases ({@link ControlCaseSnapshot}, {@link ControlActionSnapshot}), key = case id, so a
     * case's events stay in order.
     */
    public static final String CONTROL_CASES = "control-cases";
    /** Control-case events a consumer could not process (bulletin-service's read model). */
    public static final String CONTROL_CASES_DLQ = "control-cases.dlq";
    /**
     * Published monitoring bulletins ({@link BulletinSnapshot}), key = bulletin id; alert-service delivers them to
     * the subscriptions that ask for bulletins.
     */
    public static final String BULLETINS = "bulletins";
    /** Bulletin events a consumer could not process. */
    public static final String BULLETINS_DLQ = "bulletins.dlq";
    /**
     * Survey visits to sampling plots ({@link SurveySnapshot}), key = survey id; compacted (visits are never changed)
     * so a new consumer rebuilds every visit since monitoring began: bulletin-service counts visits and overdue plots
     * for any past period from them.
     */
    public static final String SURVEYS = "surveys";
    /** Survey events a consumer could not process. */
    public static final String SURVEYS_DLQ = "surveys.dlq";
    /**
     * The species catalog ({@link SpeciesSnapshot}), key = species id; compacted so a new consumer rebuilds the
     * whole catalog, including species never observed (bulletin-service measures the protection rate against it).
     */
    public static final String SPECIES = "species";
    /** Species events a consumer could not process. */
    public static final String SPECIES_DLQ = "species.dlq";

    /** Name, partition count and clean-up policy of one topic. */
    public record TopicSpec(String name, int partitions, boolean compacted) {
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(OBSERVATIONS, 6, false),
            new TopicSpec(OBSERVATIONS_PUBLIC, 6, false),
            new TopicSpec(OBSERVATIONS_DLQ, 1, false),
            new TopicSpec(PLOTS, 3, true),
            new TopicSpec(PLOTS_DLQ, 1, false),
            new TopicSpec(ALERTS, 3, false),
            new TopicSpec(ALERTS_DLQ, 1, false),
            new TopicSpec(STATIONS, 3, true),
            new TopicSpec(STATIONS_DLQ, 1, false),
            new TopicSpec(PATROLS, 3, false),
            new TopicSpec(PATROLS_DLQ, 1, false),
            new TopicSpec(GEOGRAPHY, 3, true),
            new TopicSpec(GEOGRAPHY_DLQ, 1, false),
            new TopicSpec(CONTROL_CASES, 3, false),
            new TopicSpec(CONTROL_CASES_DLQ, 1, false),
            new TopicSpec(BULLETINS, 3, false),
            new TopicSpec(BULLETINS_DLQ, 1, false),
            new TopicSpec(SURVEYS, 3, true),
            new TopicSpec(SURVEYS_DLQ, 1, false),
            new TopicSpec(SPECIES, 3, true),
            new TopicSpec(SPECIES_DLQ, 1, false));

    /** Header names set on every record by the outbox relay (Debezium's convention). */
    public static final String HEADER_EVENT_ID = "eventId";
    public static final String HEADER_EVENT_TYPE = "eventType";

    /**
     * Every reader's {@code isolation.level}: the outbox publishes each batch in a Kafka transaction,
     * and only a committed batch is the truth (an aborted one is sent again).
     */
    public static final String ISOLATION_LEVEL = "read_committed";

    private Topics() {
    }
}
