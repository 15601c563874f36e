package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.messaging.AlertEventPublisher;
import cn.jiaozuo.biodiversity.alert.repository.AlertHistoryRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertObservationRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRuleRepository;
import cn.jiaozuo.biodiversity.alert.repository.SpeciesCountyRecordRepository;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.geo.Geoprivacy;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies observations to alerts: raises, aggregates, escalates and withdraws. Called only by the
 * observation consumer, inside its transaction (with the processed-event insert), so it is the
 * only writer of aggregation; lifecycle changes from REST lock the same rows.
 */
@ApplicationScoped
public class AlertRuleEngine {

    private static final Logger LOG = Logger.getLogger(AlertRuleEngine.class);
    static final String PROTECTION_LEVEL = "NATIONAL_I";

    private final AlertRepository alerts;
    private final AlertRuleRepository rules;
    private final AlertObservationRepository links;
    private final AlertHistoryRepository history;
    private final SpeciesCountyRecordRepository records;
    private final AlertEventPublisher events;
    private final ZoneId zone;

    public AlertRuleEngine(AlertRepository alerts, AlertRuleRepository rules, AlertObservationRepository links,
            AlertHistoryRepository history, SpeciesCountyRecordRepository records, AlertEventPublisher events,
            AlertConfig config) {
        this.alerts = alerts;
        this.rules = rules;
        this.links = links;
        this.history = history;
        this.records = records;
        this.events = events;
        this.zone = ZoneId.of(config.zone());
    }

    /** An observation was recorded, or reviewed without rejection: alert on it unless already done. */
    public void observed(ObservationSnapshot observation) {
        if ("REJECTED".equals(observation.status())) {
            withdraw(observation);
            return;
        }
        restore(observation);
        boolean firstInCounty = records.recordFirst(observation.species().id(), observation.countyCode(),
                observation.uuid(), observation.observedAt());
        if (observation.species().invasive()) {
            apply(RuleCode.INVASIVE_SPECIES, observation, firstInCounty);
        }
        if (PROTECTION_LEVEL.equals(observation.species().protectionLevel())) {
            apply(RuleCode.PROTECTED_SPECIES, observation, false);
        }
    }

    /** A reviewer rejected the observation: take it out of every alert it counted in. */
    public void withdraw(ObservationSnapshot observation) {
        for (AlertObservation link : links.liveLinks(observation.uuid())) {
            Alert alert = alerts.findForUpdate(link.alertId).orElseThrow();
            link.withdrawn = true;
            alert.observationCount = Math.max(0, alert.observationCount - 1);
            alert.touch();
            String reviewer = observation.reviewer() == null ? AlertHistoryEntry.SYSTEM : observation.reviewer();
            history.persist(AlertHistoryEntry.of(alert, "OBSERVATION_WITHDRAWN", reviewer, alert.obscured
                    ? "An observation was rejected in review" // the comment may describe the record or its observer
                    : "Observation " + observation.uuid() + " was rejected in review"
                            + (observation.reviewComment() == null ? "" : ": " + observation.reviewComment())));
            events.publish(EventTypes.ALERT_UPDATED, alert);
        }
    }

    /** A review that no longer rejects the observation counts it again where it was withdrawn. */
    private void restore(ObservationSnapshot observation) {
        for (AlertObservation link : links.withdrawnLinks(observation.uuid())) {
            Alert alert = alerts.findForUpdate(link.alertId).orElseThrow();
            link.withdrawn = false;
            alert.observationCount++;
            alert.touch();
            String reviewer = observation.reviewer() == null ? AlertHistoryEntry.SYSTEM : observation.reviewer();
            history.persist(AlertHistoryEntry.of(alert, "OBSERVATION_RESTORED", reviewer, observationRef(alert, observation)
                    + " is " + observation.status() + " again after a rejection"));
            events.publish(EventTypes.ALERT_UPDATED, alert);
        }
    }

    private void apply(RuleCode code, ObservationSnapshot observation, boolean firstInCounty) {
        AlertRule rule = rules.findById(code);
        if (rule == null || !rule.enabled || links.attached(observation.uuid(), code)) {
            return;
        }
        LocalDate day = code == RuleCode.PROTECTED_SPECIES
                ? observation.observedAt().atZoneSameInstant(zone).toLocalDate()
                : null;
        Alert alert = alerts.findLiveForUpdate(code, observation.species().id(), observation.countyCode(), day)
                .orElse(null);
        if (alert == null) {
            raise(code, observation, day, firstInCounty);
        } else {
            aggregate(rule, alert, observation);
        }
    }

    private void raise(RuleCode code, ObservationSnapshot observation, LocalDate day, boolean firstInCounty) {
        Severity severity;
        String reason;
        if (code == RuleCode.PROTECTED_SPECIES) {
            severity = Severity.INFO;
            reason = "National class I protected species recorded";
        } else if (firstInCounty) {
            severity = Severity.CRITICAL;
            reason = "First record of this invasive species in the county (spread into a new county)";
        } else if (inPriorityArea(observation.countyCode())) {
            severity = Severity.HIGH;
            reason = "Invasive species recorded in a priority area county";
        } else if (observation.plotCode() != null) {
            severity = Severity.HIGH;
            reason = "Invasive species recorded inside " + (visiblePlot(observation) == null ? "a sampling plot"
                    : "plot " + observation.plotCode());
        } else {
            severity = Severity.MEDIUM;
            reason = "Invasive species recorded";
        }
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.rule = code;
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
        alerts.persist(alert);
        attach(alert, observation);
        history.persist(AlertHistoryEntry.of(alert, "RAISED", AlertHistoryEntry.SYSTEM,
                severity + ": " + reason + (alert.obscured ? "" : "; observation " + observation.uuid())));
        events.publish(EventTypes.ALERT_RAISED, alert);
        LOG.debugf("Alert %s raised (%s %s) for species %d in %s", alert.id, code, severity, alert.speciesId,
                alert.countyCode);
    }

    /**
     * How the history names an observation: by uuid, except on a sensitive species' alert, where the
     * uuid would lead to the exact record and its observer (the linkage rule of observation-service).
     */
    private static String observationRef(Alert alert, ObservationSnapshot observation) {
        return alert.obscured ? "An observation" : "Observation " + observation.uuid();
    }

    /**
     * The plot an alert may name: none for a sensitive species, whose point alerts generalize to its
     * 0.1° cell; a plot is far smaller and would give the place away (as in observation-service).
     */
    private static String visiblePlot(ObservationSnapshot observation) {
        return observation.species().sensitive() ? null : observation.plotCode();
    }

    private void aggregate(AlertRule rule, Alert alert, ObservationSnapshot observation) {
        attach(alert, observation);
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
        alert.touch();
        history.persist(AlertHistoryEntry.of(alert, "OBSERVATION_ADDED", AlertHistoryEntry.SYSTEM,
                observationRef(alert, observation) + " attached; " + alert.observationCount + " observations"));
        if (shouldEscalate(rule, alert)) {
            Severity before = alert.severity;
            alert.severity = Severity.CRITICAL;
            alert.escalated = true;
            history.persist(AlertHistoryEntry.of(alert, "ESCALATED", AlertHistoryEntry.SYSTEM,
                    before + " → CRITICAL: " + rule.escalationThreshold + " observations within "
                            + rule.escalationWindowDays + " days"));
            events.publish(EventTypes.ALERT_ESCALATED, alert);
        } else {
            events.publish(EventTypes.ALERT_UPDATED, alert);
        }
    }

    /** Once per alert, and only when it is not already CRITICAL (a first-in-county alert is). */
    private boolean shouldEscalate(AlertRule rule, Alert alert) {
        if (alert.escalated || alert.severity == Severity.CRITICAL || rule.escalationThreshold == null
                || rule.escalationWindowDays == null) {
            return false;
        }
        OffsetDateTime since = alert.lastObservedAt.minusDays(rule.escalationWindowDays);
        return links.countSince(alert.id, since) >= rule.escalationThreshold;
    }

    private void attach(Alert alert, ObservationSnapshot observation) {
        AlertObservation link = new AlertObservation();
        link.alertId = alert.id;
        link.observationUuid = observation.uuid();
        link.observedAt = observation.observedAt();
        link.individuals = observation.count();
        link.withdrawn = false;
        links.persist(link);
    }

    /** The exact point only for species that are not sensitive; the topic and webhooks leave the system. */
    private static void locate(Alert alert, ObservationSnapshot observation) {
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
