package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.Alert;
import cn.jiaozuo.biodiversity.alert.domain.AlertStatus;
import cn.jiaozuo.biodiversity.alert.domain.RuleCode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** The live alert of an aggregation key, locked for this transaction. */
    public Optional<Alert> findLiveForUpdate(RuleCode rule, long speciesId, String countyCode, LocalDate day) {
        Parameters key = Parameters.with("rule", rule).and("species", speciesId).and("county", countyCode)
                .and("resolved", AlertStatus.RESOLVED);
        String query = "rule = :rule and speciesId = :species and countyCode = :county and status <> :resolved and ";
        if (day == null) {
            query += "aggregationDay is null";
        } else {
            query += "aggregationDay = :day";
            key.and("day", day);
        }
        return find(query, key).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The ENFORCEMENT alert of an incident, if one was raised. */
    public Optional<Alert> findByIncident(UUID incidentUuid) {
        return find("incidentUuid", incidentUuid).firstResultOptional();
    }

    /** The live alert of a rule, species, county, day and audience (FOLLOW_UP_OVERDUE reminders), locked. */
    public Optional<Alert> findLiveForUpdate(RuleCode rule, long speciesId, String countyCode, LocalDate day,
            String audienceOrg) {
        return find("rule = :rule and speciesId = :species and countyCode = :county and status <> :resolved"
                + " and aggregationDay = :day and audienceOrg = :org", Parameters.with("rule", rule).and("species", speciesId)
                .and("county", countyCode).and("resolved", AlertStatus.RESOLVED).and("day", day).and("org", audienceOrg))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Alert> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * One page, newest first, keyset-paginated on (createdAt, id); fetches one row more than asked. The one
     * query of this table whose conditions depend on the request.
     */
    public List<Alert> search(AlertSearch s) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (s.status() != null) {
            where.add("status = :status");
            params.and("status", s.status());
        }
        if (s.severity() != null) {
            where.add("severity = :severity");
            params.and("severity", s.severity());
        }
        if (s.countyCode() != null) {
            where.add("countyCode = :county");
            params.and("county", s.countyCode());
        }
        if (s.speciesId() != null) {
            where.add("speciesId = :species");
            params.and("species", s.speciesId());
        }
        if (s.rule() != null) {
            where.add("rule = :rule");
            params.and("rule", s.rule());
        }
        if (s.from() != null) {
            where.add("lastObservedAt >= :from");
            params.and("from", s.from());
        }
        if (s.to() != null) {
            where.add("firstObservedAt < :to");
            params.and("to", s.to());
        }
        if (s.afterCreatedAt() != null) {
            where.add("(createdAt < :afterAt or (createdAt = :afterAt and id < :afterId))");
            params.and("afterAt", s.afterCreatedAt()).and("afterId", s.afterId());
        }
        Sort newestFirst = Sort.descending("createdAt", "id");
        return (where.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", where), newestFirst, params))
                .page(Page.ofSize(s.limit() + 1)).list();
    }
}
