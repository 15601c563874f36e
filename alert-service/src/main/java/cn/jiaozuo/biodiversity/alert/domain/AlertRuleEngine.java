package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.repository.AlertHistoryRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertObservationRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRuleRepository;
import cn.jiaozuo.biodiversity.alert.repository.SpeciesCountyRecordRepository;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.logging.Logger;

/**
 * Applies observations to alerts: raises, aggregates, escalates and withdraws. Called only by the
 * observation consumer, inside its transaction (with the processed-event insert), so it is the
 * only writer of aggregation; lifecycle changes from REST lock the same rows. What to decide is
 * {@link AlertDecisions}; this class looks up, stores, writes the history and publishes.
 */
@ApplicationScoped
public class AlertRuleEngine {

    private static final Logger LOG = Logger.getLogger(AlertRuleEngine.class);

    private final AlertRepository alerts;
    private final AlertRuleRepository rules;
    private final AlertObservationRepository links;
    private final AlertHistoryRepository history;
    private final SpeciesCountyRecordRepository records;
    private final AlertEvents events;
    private final ZoneId zone;

    public AlertRuleEngine(AlertRepository alerts, AlertRuleRepository rules, AlertObservationRepository links,
            AlertHistoryRepository history, SpeciesCountyRecordRepository records, AlertEvents events,
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
        for (RuleCode rule : AlertDecisions.rulesFor(observation.species())) {
            apply(rule, observation, firstInCounty);
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
            history.persist(AlertHistoryEntry.of(alert, "OBSERVATION_RESTORED", reviewer,
                    AlertDecisions.observationRef(alert, observation) + " is " + observation.status()
                            + " again after a rejection"));
            events.publish(EventTypes.ALERT_UPDATED, alert);
        }
    }

    private void apply(RuleCode code, ObservationSnapshot observation, boolean firstInCounty) {
        AlertRule rule = rules.findById(code);
        if (rule == null || !rule.enabled || links.attached(observation.uuid(), code)) {
            return;
        }
        LocalDate day = AlertDecisions.aggregationDay(code, observation.observedAt(), zone);
        Alert alert = alerts.findLiveForUpdate(code, observation.species().id(), observation.countyCode(), day)
                .orElse(null);
        if (alert == null) {
            raise(code, observation, day, firstInCounty);
        } else {
            aggregate(rule, alert, observation);
        }
    }

    private void raise(RuleCode code, ObservationSnapshot observation, LocalDate day, boolean firstInCounty) {
        AlertDecisions.Verdict verdict = AlertDecisions.verdict(code, observation, firstInCounty);
        Alert alert = AlertDecisions.open(code, verdict.severity(), observation, day);
        alerts.persist(alert);
        attach(alert, observation);
        history.persist(AlertHistoryEntry.of(alert, "RAISED", AlertHistoryEntry.SYSTEM, verdict.severity() + ": "
                + verdict.reason() + (alert.obscured ? "" : "; observation " + observation.uuid())));
        events.publish(EventTypes.ALERT_RAISED, alert);
        LOG.debugf("Alert %s raised (%s %s) for species %d in %s", alert.id, code, alert.severity, alert.speciesId,
                alert.countyCode);
    }

    private void aggregate(AlertRule rule, Alert alert, ObservationSnapshot observation) {
        attach(alert, observation);
        AlertDecisions.count(alert, observation);
        alert.touch();
        history.persist(AlertHistoryEntry.of(alert, "OBSERVATION_ADDED", AlertHistoryEntry.SYSTEM,
                AlertDecisions.observationRef(alert, observation) + " attached; " + alert.observationCount + " observations"));
        if (AlertDecisions.escalates(rule, alert, since -> links.countSince(alert.id, since))) {
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

    private void attach(Alert alert, ObservationSnapshot observation) {
        AlertObservation link = new AlertObservation();
        link.alertId = alert.id;
        link.observationUuid = observation.uuid();
        link.observedAt = observation.observedAt();
        link.individuals = observation.count();
        link.withdrawn = false;
        links.persist(link);
    }
}
