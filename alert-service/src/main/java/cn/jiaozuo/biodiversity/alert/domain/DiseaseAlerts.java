package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.repository.AlertHistoryRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRuleRepository;
import cn.jiaozuo.biodiversity.alert.repository.MortalityReportRepository;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.geo.Geoprivacy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The alerts of wildlife disease surveillance, raised and changed in the transaction of the report or sample result
 * behind them: DISEASE_CLUSTER ({@link DiseaseClusterRule}), WILDLIFE_MORTALITY (a protected species' carcass) and the
 * escalation by a POSITIVE sample. Alerts go the one alert path ({@link AlertEvents}: topic alerts, subscriptions),
 * generalized to the 0.1° cell when any of their reports is of a sensitive species.
 */
@ApplicationScoped
public class DiseaseAlerts {

    private static final Logger LOG = Logger.getLogger(DiseaseAlerts.class);

    private final AlertRepository alerts;
    private final AlertRuleRepository rules;
    private final AlertHistoryRepository history;
    private final MortalityReportRepository reports;
    private final AlertEvents events;
    private final DiseaseClusterRule.Settings settings;

    public DiseaseAlerts(AlertRepository alerts, AlertRuleRepository rules, AlertHistoryRepository history,
            MortalityReportRepository reports, AlertEvents events, AlertConfig config) {
        this.alerts = alerts;
        this.rules = rules;
        this.history = history;
        this.reports = reports;
        this.events = events;
        this.settings = new DiseaseClusterRule.Settings(config.disease().clusterMinDeadBirds(),
                config.disease().clusterRadiusM(), config.disease().clusterWindow());
    }

    public DiseaseClusterRule.Settings settings() {
        return settings;
    }

    /** A new report (stored, the cluster rule's lock held): its WILDLIFE_MORTALITY alert and its cluster. */
    public void reported(MortalityReport report) {
        if (report.protectedSpecies && report.deadCount > 0 && enabled(RuleCode.WILDLIFE_MORTALITY)) {
            raiseMortality(report, Severity.HIGH, "Carcass of a protected species reported", null);
        }
        if (report.animalGroup.bird() && enabled(RuleCode.DISEASE_CLUSTER)) {
            cluster(report);
        }
    }

    /**
     * A POSITIVE sample of the report: its live cluster and WILDLIFE_MORTALITY alerts escalate (CRITICAL, the pathogen
     * recorded); a report without a live alert gets a CRITICAL WILDLIFE_MORTALITY alert of its own.
     */
    public void positive(MortalityReport report, MortalitySample sample, String actor) {
        String why = "Sample " + sample.sampleId + " (" + sample.lab + ") POSITIVE for " + sample.pathogen;
        boolean escalated = false;
        for (UUID id : new UUID[] {report.clusterAlertId, report.mortalityAlertId}) {
            Alert alert = id == null ? null : alerts.findForUpdate(id).orElse(null);
            if (alert == null || !alert.status.live()) {
                continue;
            }
            escalated = true;
            if (!alert.escalated) {
                alert.escalated = true;
                alert.severity = Severity.CRITICAL;
                alert.pathogen = sample.pathogen;
                alert.reason = alert.reason + "; " + why;
                alert.touch();
                history.persist(AlertHistoryEntry.of(alert, "ESCALATED", actor, why));
                events.publish(EventTypes.ALERT_ESCALATED, alert);
            } else {
                alert.touch();
                history.persist(AlertHistoryEntry.of(alert, "SAMPLE_POSITIVE", actor, why));
                events.publish(EventTypes.ALERT_UPDATED, alert);
            }
        }
        if (!escalated) {
            Alert alert = raiseMortality(report, Severity.CRITICAL, why, sample.pathogen);
            alert.escalated = true;
        }
    }

    private void cluster(MortalityReport report) {
        OffsetDateTime t = report.observedAt;
        List<MortalityReport> candidates = reports.birdsNear(report.lat, report.lon, settings.radiusM(),
                t.minus(settings.window()), t.plus(settings.window()));
        Set<UUID> live = candidates.stream().map(r -> r.clusterAlertId).filter(Objects::nonNull).distinct()
                .filter(id -> alerts.findByIdOptional(id).map(a -> a.status.live()).orElse(false))
                .collect(Collectors.toSet());
        Map<UUID, MortalityReport> byId = new HashMap<>();
        candidates.forEach(r -> byId.put(r.id, r));
        byId.put(report.id, report);
        DiseaseClusterRule.Decision decision = DiseaseClusterRule.decide(asRule(report, live),
                candidates.stream().map(r -> asRule(r, live)).toList(), settings);
        if (decision instanceof DiseaseClusterRule.Raise raise) {
            Alert alert = new Alert();
            alert.id = UUID.randomUUID();
            alert.rule = RuleCode.DISEASE_CLUSTER;
            alert.severity = Severity.CRITICAL;
            alert.status = AlertStatus.OPEN;
            alert.countyCode = report.countyCode;
            alert.speciesGroup = "BIRD";
            List<MortalityReport> members = raise.members().stream().map(byId::get).toList();
            describe(alert, members);
            alert.createdAt = alert.now();
            alert.updatedAt = alert.createdAt;
            alerts.persist(alert);
            members.forEach(m -> m.clusterAlertId = alert.id);
            history.persist(AlertHistoryEntry.of(alert, "RAISED", AlertHistoryEntry.SYSTEM, alert.reason
                    + "; reports " + members.stream().map(m -> m.publicId).toList()));
            events.publish(EventTypes.ALERT_RAISED, alert);
            LOG.debugf("Alert %s raised (DISEASE_CLUSTER, %d dead birds) in %s", alert.id, alert.deadCount,
                    alert.countyCode);
        } else if (decision instanceof DiseaseClusterRule.Join join) {
            Alert alert = alerts.findForUpdate(join.alertId()).orElseThrow();
            join.members().stream().map(byId::get).forEach(m -> m.clusterAlertId = alert.id);
            reports.flush();
            describe(alert, reports.ofCluster(alert.id));
            alert.touch();
            history.persist(AlertHistoryEntry.of(alert, "REPORT_ADDED", AlertHistoryEntry.SYSTEM, alert.reason
                    + "; reports " + join.members().stream().map(m -> byId.get(m).publicId).toList() + " added"));
            events.publish(EventTypes.ALERT_UPDATED, alert);
        }
        // Otherwise not (yet) a cluster: a later report nearby may make it one.
    }

    private static DiseaseClusterRule.Report asRule(MortalityReport r, Set<UUID> liveClusters) {
        return new DiseaseClusterRule.Report(r.id, r.lat, r.lon, r.observedAt.toInstant(), r.deadCount,
                r.clusterAlertId != null && liveClusters.contains(r.clusterAlertId) ? r.clusterAlertId : null);
    }

    /** A WILDLIFE_MORTALITY alert of one report. */
    private Alert raiseMortality(MortalityReport report, Severity severity, String reason, String pathogen) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.rule = RuleCode.WILDLIFE_MORTALITY;
        alert.severity = severity;
        alert.status = AlertStatus.OPEN;
        alert.countyCode = report.countyCode;
        alert.pathogen = pathogen;
        alert.reason = reason;
        describe(alert, List.of(report));
        alert.createdAt = alert.now();
        alert.updatedAt = alert.createdAt;
        alerts.persist(alert);
        report.mortalityAlertId = alert.id;
        history.persist(AlertHistoryEntry.of(alert, "RAISED", AlertHistoryEntry.SYSTEM, severity + ": " + reason
                + "; report " + report.publicId));
        events.publish(EventTypes.ALERT_RAISED, alert);
        return alert;
    }

    /**
     * The alert's species, figures, point and times from its reports: the species when all name the same one; the
     * centroid of their points and the farthest of them from it as accuracy; generalized to the 0.1° cell once any
     * report is of a sensitive species (and from then on).
     */
    private void describe(Alert alert, List<MortalityReport> members) {
        MortalityReport first = members.get(0);
        boolean oneSpecies = first.speciesId != null && members.stream().allMatch(m -> first.speciesId.equals(m.speciesId));
        alert.speciesId = oneSpecies ? first.speciesId : null;
        alert.scientificName = oneSpecies ? first.scientificName : null;
        alert.chineseName = oneSpecies ? first.chineseName : null;
        if (alert.rule == RuleCode.WILDLIFE_MORTALITY) {
            alert.speciesGroup = first.animalGroup.bird() ? "BIRD" : first.animalGroup.name();
        }
        alert.obscured = alert.obscured || members.stream().anyMatch(m -> m.sensitive);
        alert.reportCount = members.size();
        alert.deadCount = members.stream().mapToInt(m -> m.deadCount).sum();
        alert.sickCount = members.stream().mapToInt(m -> m.sickCount).sum();
        alert.observationCount = 0;
        double lat = members.stream().mapToDouble(m -> m.lat).average().orElseThrow();
        double lon = members.stream().mapToDouble(m -> m.lon).average().orElseThrow();
        double spread = members.stream().mapToDouble(m -> EnforcementDecisions.distanceM(lat, lon, m.lat, m.lon)
                + (m.accuracyM == null ? 0 : m.accuracyM)).max().orElse(0);
        Double accuracy = members.size() == 1 ? first.accuracyM : Double.valueOf(Math.ceil(spread));
        if (alert.obscured) {
            Geoprivacy.GeneralizedPoint cell = Geoprivacy.generalize(lat, lon, accuracy);
            alert.lat = cell.lat();
            alert.lon = cell.lon();
            alert.accuracyM = cell.accuracyM();
        } else {
            alert.lat = lat;
            alert.lon = lon;
            alert.accuracyM = accuracy;
        }
        alert.firstObservedAt = alert.observedTime(members.stream().map(m -> m.observedAt)
                .min(Comparator.naturalOrder()).orElseThrow());
        alert.lastObservedAt = alert.observedTime(members.stream().map(m -> m.observedAt)
                .max(Comparator.naturalOrder()).orElseThrow());
        if (alert.rule == RuleCode.DISEASE_CLUSTER) {
            String reason = alert.deadCount + " dead wild birds in " + members.size() + " reports within "
                    + km(settings.radiusM()) + " and " + settings.window().toDays() + " days";
            alert.reason = alert.pathogen == null ? reason : reason + "; POSITIVE for " + alert.pathogen;
        }
    }

    private boolean enabled(RuleCode code) {
        AlertRule rule = rules.findById(code);
        return rule != null && rule.enabled;
    }

    private static String km(double metres) {
        return BigDecimal.valueOf(metres / 1000).stripTrailingZeros().toPlainString() + " km";
    }
}
