package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.geo.Geoprivacy;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * What the rules decide about one observation and one alert, without the database: which rules fire, how severe a
 * new alert is and why, how an alert takes an observation in, when it escalates, and what it may show of a
 * sensitive species. {@link AlertRuleEngine} looks things up and stores; the decisions are here, tested alone.
 */
public final class AlertDecisions {

    /** The protection level whose records raise a PROTECTED_SPECIES alert. */
    public static final String PROTECTION_LEVEL = "NATIONAL_I";

    /** The severity of a new alert and the reason the history gives for it. */
    public record Verdict(Severity severity, String reason) {
    }

    private AlertDecisions() {
    }

    /** The rules an observation of this species fires, in the order they apply (a species may fire both). */
    public static List<RuleCode> rulesFor(SpeciesSnapshot species) {
        List<RuleCode> rules = new ArrayList<>(2);
        if (species.invasive()) {
            rules.add(RuleCode.INVASIVE_SPECIES);
        }
        if (PROTECTION_LEVEL.equals(species.protectionLevel())) {
            rules.add(RuleCode.PROTECTED_SPECIES);
        }
        return rules;
    }

    /** The local day a PROTECTED_SPECIES alert aggregates over; null for rules that aggregate over no day. */
    public static LocalDate aggregationDay(RuleCode rule, OffsetDateTime observedAt, ZoneId zone) {
        return rule == RuleCode.PROTECTED_SPECIES ? observedAt.atZoneSameInstant(zone).toLocalDate() : null;
    }

    /**
     * How severe a new alert is. PROTECTED_SPECIES: always INFO. INVASIVE_SPECIES, the first case that holds:
     * first record of the species in the county (CRITICAL), a priority-area county (HIGH), inside a plot (HIGH),
     * otherwise MEDIUM.
     */
    public static Verdict verdict(RuleCode rule, ObservationSnapshot observation, boolean firstInCounty) {
        if (rule == RuleCode.PROTECTED_SPECIES) {
            return new Verdict(Severity.INFO, "National class I protected species recorded");
        }
        if (firstInCounty) {
            return new Verdict(Severity.CRITICAL, "First record of this invasive species in the county (spread into a new county)");
        }
        if (inPriorityArea(observation.countyCode())) {
            return new Verdict(Severity.HIGH, "Invasive species recorded in a priority area county");
        }
        if (observation.plotCode() != null) {
            return new Verdict(Severity.HIGH, "Invasive species recorded inside "
                    + (visiblePlot(observation) == null ? "a sampling plot" : "plot " + observation.plotCode()));
        }
        return new Verdict(Severity.MEDIUM, "Invasive species recorded");
    }

    /** A new OPEN alert holding this one observation (not yet stored). */
    public static Alert open(RuleCode rule, Severity severity, ObservationSnapshot observation, LocalDate day) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.rule = rule;
        alert.severity = severity;
        alert.status = AlertStatus.OPEN;
        alert.speciesId = observation.species().id();
        alert.scientificName = observation.species().scientificName();
        alert.chineseName = observation.species().chineseName();
        alert.speciesGroup = observation.species().group();
        alert.countyCode = observation.countyCode();
        alert.plotCode = visiblePlot(observation);
        alert.aggregationDay = day;
        alert.observationCount = 1;
        locate(alert, observation);
        alert.firstObservedAt = alert.observedTime(observation.observedAt());
        alert.lastObservedAt = alert.firstObservedAt;
        alert.createdAt = alert.now();
        alert.updatedAt = alert.createdAt;
        return alert;
    }

    /** A live alert takes one more observation in: its count, its observed period and, if it has none yet, a plot. */
    public static void count(Alert alert, ObservationSnapshot observation) {
        alert.observationCount++;
        OffsetDateTime observedAt = alert.observedTime(observation.observedAt());
        if (observedAt.isBefore(alert.firstObservedAt)) {
            alert.firstObservedAt = observedAt;
        }
        if (observedAt.isAfter(alert.lastObservedAt)) {
            alert.lastObservedAt = observedAt;
        }
        if (alert.plotCode == null) {
            alert.plotCode = visiblePlot(observation);
        }
    }

    /**
     * Whether the alert escalates now: once per alert, only when not already CRITICAL (a first-in-county alert is),
     * and only when the rule has a threshold and a window and the alert's live observations since the window's
     * start (its last observation minus the window) reach the threshold. {@code liveObservationsSince} is asked
     * only when the rest allows escalation.
     */
    public static boolean escalates(AlertRule rule, Alert alert, ToLongFunction<OffsetDateTime> liveObservationsSince) {
        if (alert.escalated || alert.severity == Severity.CRITICAL || rule.escalationThreshold == null
                || rule.escalationWindowDays == null) {
            return false;
        }
        OffsetDateTime since = alert.lastObservedAt.minusDays(rule.escalationWindowDays);
        return liveObservationsSince.applyAsLong(since) >= rule.escalationThreshold;
    }

    /**
     * How the history names an observation: by uuid, except on a sensitive species' alert, where the uuid would
     * lead to the exact record and its observer (the linkage rule of observation-service).
     */
    public static String observationRef(Alert alert, ObservationSnapshot observation) {
        return alert.obscured ? "An observation" : "Observation " + observation.uuid();
    }

    /**
     * The plot an alert may name: none for a sensitive species, whose point alerts generalize to its 0.1° cell; a
     * plot is far smaller and would give the place away (as in observation-service).
     */
    public static String visiblePlot(ObservationSnapshot observation) {
        return observation.species().sensitive() ? null : observation.plotCode();
    }

    /** The exact point only for species that are not sensitive; the topic and webhooks leave the system. */
    static void locate(Alert alert, ObservationSnapshot observation) {
        double lat = observation.location().lat();
        double lon = observation.location().lon();
        if (observation.species().sensitive()) {
            Geoprivacy.GeneralizedPoint cell = Geoprivacy.generalize(lat, lon, observation.location().accuracyM());
            alert.lat = cell.lat();
            alert.lon = cell.lon();
            alert.accuracyM = cell.accuracyM();
            alert.obscured = true;
        } else {
            alert.lat = lat;
            alert.lon = lon;
            alert.accuracyM = observation.location().accuracyM();
            alert.obscured = false;
        }
    }

    private static boolean inPriorityArea(String countyCode) {
        return JiaozuoCounty.byCode(countyCode).map(c -> c.priorityArea() != null).orElse(false);
    }
}
