package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.messaging.AlertEventPublisher;
import cn.jiaozuo.biodiversity.alert.repository.AlertHistoryRepository;
import cn.jiaozuo.biodiversity.alert.repository.AlertRepository;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The alert lifecycle driven by the bureau: OPEN → ACKNOWLEDGED → RESOLVED. Each change locks the
 * alert row, so it serializes with the consumer's aggregation, and publishes its event in the same
 * transaction.
 */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final AlertHistoryRepository history;
    private final AlertEventPublisher events;

    public AlertService(AlertRepository alerts, AlertHistoryRepository history, AlertEventPublisher events) {
        this.alerts = alerts;
        this.history = history;
        this.events = events;
    }

    @Transactional
    public Alert acknowledge(UUID id, String actor, String notes) {
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
        return alert;
    }

    @Transactional
    public Alert resolve(UUID id, String actor, Resolution resolution, String notes) {
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
        return alert;
    }

    private Alert locked(UUID id) {
        return alerts.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("No alert " + id));
    }
}
