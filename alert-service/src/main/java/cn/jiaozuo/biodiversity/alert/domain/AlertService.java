package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.repository.AlertHistoryRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertObservationRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertSearch;
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

    /** An alert with its live observations (oldest first) and its history. */
    public record Detail(Alert alert, List<AlertObservation> observations, List<AlertHistoryEntry> history) {
    }

    private final AlertRepository alerts;
    private final AlertObservationRepository observations;
    private final AlertHistoryRepository history;
    private final AlertEvents events;

    public AlertService(AlertRepository alerts, AlertObservationRepository observations, AlertHistoryRepository history,
            AlertEvents events) {
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
        return new Detail(alert, observations.live(id), history.forAlert(id));
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
        return new Detail(alert, observations.live(id), history.forAlert(id));
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
        return new Detail(alert, observations.live(id), history.forAlert(id));
    }

    private Alert locked(UUID id) {
        return alerts.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No alert " + id);
    }
}
