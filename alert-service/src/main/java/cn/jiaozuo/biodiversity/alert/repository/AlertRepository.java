package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.Alert;
import cn.jiaozuo.biodiversity.alert.domain.AlertStatus;
import cn.jiaozuo.biodiversity.alert.domain.RuleCode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** The live alert of an aggregation key, locked for this transaction. */
    public Optional<Alert> findLiveForUpdate(RuleCode rule, long speciesId, String countyCode, LocalDate day) {
        String dayClause = day == null ? "aggregationDay is null" : "aggregationDay = :day";
        TypedQuery<Alert> query = getEntityManager().createQuery("from Alert where rule = :rule and speciesId = :species"
                + " and countyCode = :county and status <> :resolved and " + dayClause, Alert.class)
                .setParameter("rule", rule).setParameter("species", speciesId).setParameter("county", countyCode)
                .setParameter("resolved", AlertStatus.RESOLVED).setLockMode(LockModeType.PESSIMISTIC_WRITE);
        if (day != null) {
            query.setParameter("day", day);
        }
        return query.getResultStream().findFirst();
    }

    public Optional<Alert> findForUpdate(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Alert.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** One page, newest first, keyset-paginated on (createdAt, id); fetches one row more than asked. */
    public List<Alert> search(AlertSearch s) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (s.status() != null) {
            where.append(" and status = :status");
            params.put("status", s.status());
        }
        if (s.severity() != null) {
            where.append(" and severity = :severity");
            params.put("severity", s.severity());
        }
        if (s.countyCode() != null) {
            where.append(" and countyCode = :county");
            params.put("county", s.countyCode());
        }
        if (s.speciesId() != null) {
            where.append(" and speciesId = :species");
            params.put("species", s.speciesId());
        }
        if (s.rule() != null) {
            where.append(" and rule = :rule");
            params.put("rule", s.rule());
        }
        if (s.from() != null) {
            where.append(" and lastObservedAt >= :from");
            params.put("from", s.from());
        }
        if (s.to() != null) {
            where.append(" and firstObservedAt < :to");
            params.put("to", s.to());
        }
        if (s.afterCreatedAt() != null) {
            where.append(" and (createdAt < :afterAt or (createdAt = :afterAt and id < :afterId))");
            params.put("afterAt", s.afterCreatedAt());
            params.put("afterId", s.afterId());
        }
        TypedQuery<Alert> query = getEntityManager().createQuery(
                "from Alert where " + where + " order by createdAt desc, id desc", Alert.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(s.limit() + 1).getResultList();
    }
}
