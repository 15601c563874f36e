package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.AlertObservation;
import cn.jiaozuo.biodiversity.alert.domain.RuleCode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AlertObservationRepository implements PanacheRepositoryBase<AlertObservation, Long> {

    /** Whether the observation is already attached to an alert of the rule (a review re-sends it). */
    public boolean attached(UUID observationUuid, RuleCode rule) {
        return count("observationUuid = ?1 and alertId in (select a.id from Alert a where a.rule = ?2)",
                observationUuid, rule) > 0;
    }

    public List<AlertObservation> liveLinks(UUID observationUuid) {
        return list("observationUuid = ?1 and withdrawn = false", observationUuid);
    }

    public List<AlertObservation> withdrawnLinks(UUID observationUuid) {
        return list("observationUuid = ?1 and withdrawn = true", observationUuid);
    }

    public long countSince(UUID alertId, OffsetDateTime since) {
        return count("alertId = ?1 and withdrawn = false and observedAt > ?2", alertId, since);
    }

    public List<AlertObservation> live(UUID alertId) {
        return list("alertId = ?1 and withdrawn = false order by observedAt, id", alertId);
    }
}
