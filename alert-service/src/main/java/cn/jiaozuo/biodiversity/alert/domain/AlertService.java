package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.repository.AlertChecklistRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertHistoryRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertObservationRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertSearch;
import cn.jiaozuo.biodiversity.alert.repository.MortalityReportRepository;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Alerts as the bureau sees and handles them: listing, one alert with its observations and history, and the
 * lifecycle OPEN → ACKNOWLEDGED → RESOLVED. Each change locks the alert row, so it serializes with the consumer's
 * aggregation, and publishes its event in the same transaction.
 */
@ApplicationScoped
public class AlertService {

    /** One page of a listing; {@code more} when rows follow the last one. */
    public record Listing(List<Alert> alerts, boolean more) {
    }

    /**
     * An alert with its live observations (oldest first) and its history; on a disease alert (DISEASE_CLUSTER,
     * WILDLIFE_MORTALITY) also its mortality reports and the checklist steps done (empty lists on the others).
     */
    public record Detail(Alert alert, List<AlertObservation> observations, List<AlertHistoryEntry> history,
            List<UUID> reportIds, List<AlertChecklistEntry> checklist) {
    }

    private final AlertRepository alerts;
    private final AlertObservationRepository observations;
    private final AlertHistoryRepository history;
    private final AlertEvents events;
    private final MortalityReportRepository reports;
    private final AlertChecklistRepository checklist;

    public AlertService(AlertRepository alerts, AlertObservationRepository observations, AlertHistoryRepository history,
            AlertEvents events, MortalityReportRepository reports, AlertChecklistRepository checklist) {
        this.reports = reports;
        this.checklist = checklist;
        this.alerts = alerts;
        this.observations = observations;
        this.history = history;
        this.events = events;
    }

    @Transactional
    public Listing list(AlertSearch search) {
        List<Alert> rows = alerts.search(search);
        boolean more = rows.size() > search.limit();
        return new Listing(more ? rows.subList(0, search.limit()) : rows, more);
    }

    @Transactional
    public Detail find(UUID id) {
        Alert alert = alerts.findByIdOptional(id).orElseThrow(() -> notFound(id));
        return detail(alert);
    }

    @Transactional
    public Detail acknowledge(UUID id, String actor, String notes) {
        Alert alert = locked(id);
        if (alert.status != AlertStatus.OPEN) {
            throw ProblemException.conflict("Alert " + id + " is " + alert.status + "; only an OPEN alert can be acknowledged");
        }
        alert.status = AlertStatus.ACKNOWLEDGED;
        if (notes != null) {
            alert.notes = notes;
        }
        alert.touch();
        history.persist(AlertHistoryEntry.of(alert, "ACKNOWLEDGED", actor, notes));
        events.publish(EventTypes.ALERT_ACKNOWLEDGED, alert);
        return detail(alert);
    }

    @Transactional
    public Detail resolve(UUID id, String actor, Resolution resolution, String notes) {
        Alert alert = locked(id);
        if (alert.status != AlertStatus.ACKNOWLEDGED) {
            throw ProblemException.conflict("Alert " + id + " is " + alert.status
                    + "; only an ACKNOWLEDGED alert can be resolved");
        }
        alert.status = AlertStatus.RESOLVED;
        alert.resolution = resolution;
        if (notes != null) {
            alert.notes = notes;
        }
        alert.touch();
        history.persist(AlertHistoryEntry.of(alert, "RESOLVED", actor, resolution + (notes == null ? "" : ": " + notes)));
        events.publish(EventTypes.ALERT_RESOLVED, alert);
        return detail(alert);
    }

    /**
     * A step of the emergency checklist done on a disease alert, by {@code actor} now. Idempotent: a step done before
     * keeps who did it first and when. Written to the history; no alert event (the event payload has no checklist).
     */
    @Transactional
    public Detail checklistStep(UUID id, ChecklistStep step, String actor, String notes) {
        Alert alert = locked(id);
        if (!alert.rule.disease()) {
            throw ProblemException.conflict("Alert " + id + " is a " + alert.rule + " alert; the emergency checklist"
                    + " is kept on DISEASE_CLUSTER and WILDLIFE_MORTALITY alerts");
        }
        if (checklist.findById(new AlertChecklistEntry.Key(id, step)) == null) {
            AlertChecklistEntry entry = new AlertChecklistEntry();
            entry.alertId = id;
            entry.step = step;
            entry.doneBy = actor;
            entry.doneAt = alert.now();
            entry.notes = notes;
            checklist.persist(entry);
            AlertHistoryEntry line = AlertHistoryEntry.of(alert, "CHECKLIST", actor, step + " done"
                    + (notes == null ? "" : ": " + notes));
            line.at = entry.doneAt;
            history.persist(line);
        }
        return detail(alert);
    }

    private Detail detail(Alert alert) {
        UUID id = alert.id;
        if (!alert.rule.disease()) {
            return new Detail(alert, observations.live(id), history.forAlert(id), List.of(), List.of());
        }
        return new Detail(alert, observations.live(id), history.forAlert(id),
                reports.ofAlert(id).stream().map(r -> r.publicId).toList(), checklist.ofAlert(id));
    }

    private Alert locked(UUID id) {
        return alerts.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No alert " + id);
    }
}
