package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.repository.AlertHistoryRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRuleRepository;
import cn.jiaozuo.biodiversity.alert.repository.KnownSpeciesRepository;
import cn.jiaozuo.biodiversity.alert.repository.KnownSpeciesRepository.KnownSpecies;
import cn.jiaozuo.biodiversity.alert.repository.SensitiveSightingRepository;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.IncidentSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Raises ENFORCEMENT alerts from patrols' incidents, one per incident (not aggregated: each is a place a team must go
 * to). Called only by the patrol consumer, inside its transaction with the processed-event insert. What to decide is
 * {@link EnforcementDecisions}; this class looks up the species and recent sensitive sightings, stores, writes the
 * history and publishes.
 */
@ApplicationScoped
public class EnforcementAlerts {

    private static final Logger LOG = Logger.getLogger(EnforcementAlerts.class);

    private final AlertRepository alerts;
    private final AlertRuleRepository rules;
    private final AlertHistoryRepository history;
    private final KnownSpeciesRepository species;
    private final SensitiveSightingRepository sightings;
    private final AlertEvents events;
    private final double radiusM;
    private final Duration window;

    public EnforcementAlerts(AlertRepository alerts, AlertRuleRepository rules, AlertHistoryRepository history,
            KnownSpeciesRepository species, SensitiveSightingRepository sightings, AlertEvents events,
            AlertConfig config) {
        this.alerts = alerts;
        this.rules = rules;
        this.history = history;
        this.species = species;
        this.sightings = sightings;
        this.events = events;
        this.radiusM = config.enforcement().sightingRadiusM();
        this.window = config.enforcement().sightingWindow();
    }

    /** An incident was reported: raise its alert unless the rule is off or it has one (the same incident again). */
    public void reported(IncidentSnapshot incident) {
        AlertRule rule = rules.findById(RuleCode.ENFORCEMENT);
        if (rule == null || !rule.enabled || alerts.findByIncident(incident.uuid()).isPresent()) {
            return;
        }
        KnownSpecies named = incident.speciesId() == null ? null : species.find(incident.speciesId()).orElse(null);
        EnforcementDecisions.SpeciesKnowledge knowledge = incident.speciesId() == null
                ? EnforcementDecisions.SpeciesKnowledge.NONE
                : new EnforcementDecisions.SpeciesKnowledge(true, named != null, named != null && named.sensitive());
        EnforcementDecisions.Verdict verdict = EnforcementDecisions.verdict(incident.type(), incident.protectedAreaId(),
                knowledge, () -> sightings.anyNear(incident.location().lat(), incident.location().lon(), radiusM,
                        incident.observedAt().minus(window).atOffset(ZoneOffset.UTC)),
                radiusM, window.toDays());
        boolean obscured = knowledge.obscures() || verdict.tellsOfSighting();
        Alert alert = EnforcementDecisions.open(incident, verdict, incident.speciesId(),
                named == null ? null : named.scientificName(), named == null ? null : named.chineseName(),
                named == null ? null : named.group(), obscured);
        alerts.persist(alert);
        history.persist(AlertHistoryEntry.of(alert, "RAISED", AlertHistoryEntry.SYSTEM, verdict.severity() + ": "
                + verdict.reason() + EnforcementDecisions.incidentRef(alert)));
        events.publish(EventTypes.ALERT_RAISED, alert);
        LOG.debugf("Alert %s raised (ENFORCEMENT %s %s) in %s", alert.id, alert.incidentType, alert.severity,
                alert.countyCode);
    }
}
