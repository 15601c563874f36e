package cn.jiaozuo.biodiversity.bulletin.domain;

import java.time.Instant;
import java.util.List;

/** What the read model holds for one period and scope: the input of {@link FigureRules}. */
public record Facts(List<Observation> observations, List<Alert> alerts, List<Patrol> patrols, List<Incident> incidents,
        List<FirstRecord> firstRecords, int activePlots, List<Point> points, List<Outline> outlines,
        List<ControlCase> controlCases, List<ControlAction> controlActions, Stations stations, List<Survey> surveys,
        List<PlotVisit> plotVisits, Catalog catalog) {

    /** Facts without places (no map) and without control cases: the rules' tests. */
    public Facts(List<Observation> observations, List<Alert> alerts, List<Patrol> patrols, List<Incident> incidents,
            List<FirstRecord> firstRecords, int activePlots) {
        this(observations, alerts, patrols, incidents, firstRecords, activePlots, List.of(), List.of(), List.of(), List.of(),
                new Stations(0, List.of()));
    }

    /** Facts without survey visits and with no species catalog yet: the rules' tests. */
    public Facts(List<Observation> observations, List<Alert> alerts, List<Patrol> patrols, List<Incident> incidents,
            List<FirstRecord> firstRecords, int activePlots, List<Point> points, List<Outline> outlines,
            List<ControlCase> controlCases, List<ControlAction> controlActions, Stations stations) {
        this(observations, alerts, patrols, incidents, firstRecords, activePlots, points, outlines, controlCases, controlActions,
                stations, List.of(), List.of(), Catalog.NONE);
    }

    /** A survey visit of the scope (by the survey's county) in the period. */
    public record Survey(String plotCode, java.time.LocalDate visitedOn, java.math.BigDecimal effortHours) {
    }

    /**
     * An active plot of the scope (as it is now) with its last visit on or before the period's last day (null: none).
     * {@code establishedOn} and {@code surveyIntervalDays} are null where the plots topic did not carry them.
     */
    public record PlotVisit(String code, java.time.LocalDate establishedOn, Integer surveyIntervalDays,
            java.time.LocalDate lastVisitOn) {
    }

    /**
     * The species catalog as the species topic delivered it: its size (0: nothing arrived yet), the look-back window of
     * the protection rate (both days included) and its nationally protected species, each recorded in the scope within
     * the window or not.
     */
    public record Catalog(int size, java.time.LocalDate windowFrom, java.time.LocalDate windowTo, List<ProtectedSpecies> protectedSpecies) {
        public static final Catalog NONE = new Catalog(0, null, null, List.of());
    }

    /** A NATIONAL_I or NATIONAL_II species of the catalog; {@code recorded}: a record (not rejected) in the scope and window. */
    public record ProtectedSpecies(long id, String scientificName, String chineseName, String protectionClass, boolean recorded) {
    }

    /** Stations on a plot of the scope first seen before the period's end, and the ids of those that sent nothing in it. */
    public record Stations(int registered, List<String> silent) {
    }

    /**
     * A control case of the scope opened before the period's end, as of its newest event (alert-service keeps no
     * history on the topic: the status is today's). {@code firstActionOn}: its earliest control action, if any.
     */
    public record ControlCase(long speciesId, String scientificName, String chineseName, String countyCode, String status,
            double areaHa, Instant openedAt, java.time.LocalDate eradicatedOn, Instant updatedAt,
            java.time.LocalDate firstActionOn) {
    }

    /** A control action of the scope performed in the period. */
    public record ControlAction(long speciesId, java.time.LocalDate performedOn, double treatedAreaHa) {
    }

    /** Where an observation of the period (not rejected) was made, WGS-84, exact: generalized by the rules. */
    public record Point(double lat, double lon, boolean sensitive, String countyCode) {
    }

    /**
     * A county's outline as rings of [lon, lat] pairs (outer rings and holes alike; drawn even-odd), from the geography
     * topic.
     */
    public record Outline(String countyCode, List<List<double[]>> rings) {
    }

    /** An observation that is not rejected, with its species as recorded. */
    public record Observation(long speciesId, String scientificName, String chineseName, String group,
            String protectionLevel, boolean invasive, boolean sensitive, String countyCode, Instant observedAt,
            int individuals) {
    }

    /** An alert raised in the period (its type is the rule). */
    public record Alert(String rule, String severity, String countyCode) {
    }

    /** A patrol started in the period. */
    public record Patrol(double distanceKm, double durationHours) {
    }

    /** An incident found in the period. */
    public record Incident(String type) {
    }

    /** A species recorded in a county for the first time ever (no earlier record that is not rejected) in the period. */
    public record FirstRecord(long speciesId, String scientificName, String chineseName, String protectionLevel,
            boolean sensitive, String countyCode, Instant firstObservedAt) {
    }
}
