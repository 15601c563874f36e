package cn.jiaozuo.biodiversity.common.events;

/** The {@code type} values of {@link EventEnvelope}, with the payload record each one carries. */
public final class EventTypes {

    /**
     * A new observation was stored; data: {@link ObservationSnapshot} on {@link Topics#OBSERVATIONS},
     * {@link PublicObservation} on {@link Topics#OBSERVATIONS_PUBLIC}.
     */
    public static final String OBSERVATION_RECORDED = "ObservationRecorded";
    /**
     * A reviewer verified or rejected an observation; data: {@link ObservationSnapshot} on
     * {@link Topics#OBSERVATIONS}, {@link PublicObservation} on {@link Topics#OBSERVATIONS_PUBLIC}.
     */
    public static final String OBSERVATION_REVIEWED = "ObservationReviewed";

    /** A plot was created or changed; data: {@link PlotSnapshot}. */
    public static final String PLOT_UPSERTED = "PlotUpserted";
    /** A plot was retired and must no longer be matched; data: {@link PlotSnapshot}. */
    public static final String PLOT_RETIRED = "PlotRetired";

    /** A monitoring station was registered or changed (e.g. bound to another identity); data: {@link StationSnapshot}. */
    public static final String STATION_UPSERTED = "StationUpserted";

    /** A patrol was recorded; data: {@link PatrolSnapshot} on {@link Topics#PATROLS}. */
    public static final String PATROL_RECORDED = "PatrolRecorded";
    /** A patrol reported an incident (a snare, a fire …); data: {@link IncidentSnapshot} on {@link Topics#PATROLS}. */
    public static final String INCIDENT_REPORTED = "IncidentReported";

    /** A county's or protected area's outline was set, changed or withdrawn; data: {@link AreaSnapshot}. */
    public static final String AREA_OUTLINED = "AreaOutlined";

    /** An invasive-species control case was opened; data: {@link ControlCaseSnapshot} on {@link Topics#CONTROL_CASES}. */
    public static final String CONTROL_CASE_OPENED = "ControlCaseOpened";
    /** A control action was recorded against a case; data: {@link ControlActionSnapshot}. */
    public static final String CONTROL_ACTION_RECORDED = "ControlActionRecorded";
    /** A case's status changed (data: {@link ControlCaseSnapshot} with {@code previousStatus} and {@code reason}). */
    public static final String CONTROL_CASE_STATUS_CHANGED = "ControlCaseStatusChanged";
    /** A control case's area, severity or responsible unit was changed by hand; data: {@link ControlCaseSnapshot}. */
    public static final String CONTROL_CASE_UPDATED = "ControlCaseUpdated";

    /** A bulletin (a version of one period, scope and edition) was generated and archived; data: {@link BulletinSnapshot}. */
    public static final String BULLETIN_PUBLISHED = "BulletinPublished";
    /** A survey visit to a sampling plot was recorded on {@link Topics#SURVEYS}; data: {@link SurveySnapshot}. */
    public static final String SURVEY_RECORDED = "SurveyRecorded";
    /** A catalog species as it is now, on {@link Topics#SPECIES}; data: {@link SpeciesSnapshot}. */
    public static final String SPECIES_UPSERTED = "SpeciesUpserted";

    /** data: {@link AlertSnapshot} for all alert events. */
    public static final String ALERT_RAISED = "AlertRaised";
    public static final String ALERT_UPDATED = "AlertUpdated";
    public static final String ALERT_ESCALATED = "AlertEscalated";
    public static final String ALERT_ACKNOWLEDGED = "AlertAcknowledged";
    public static final String ALERT_RESOLVED = "AlertResolved";

    private EventTypes() {
    }
}
