package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.ControlCase;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ControlCaseRepository implements PanacheRepositoryBase<ControlCase, UUID> {

    public Optional<ControlCase> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<ControlCase> findByAlert(UUID alertId) {
        return find("alertId", alertId).firstResultOptional();
    }

    /** The cases of a species a sighting may concern (all but DETECTED ones change on a sighting), locked. */
    public List<ControlCase> sightingCandidatesForUpdate(long speciesId) {
        return find("speciesId = :species and status <> :detected order by id",
                Parameters.with("species", speciesId).and("detected", ControlCaseStatus.DETECTED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The cases that are followed up (UNDER_CONTROL, CONTROLLED): a few hundred at most in a prefecture. */
    public List<ControlCase> followedUp() {
        return list("status in ?1", List.of(ControlCaseStatus.UNDER_CONTROL, ControlCaseStatus.CONTROLLED));
    }

    /** One page, newest first, keyset-paginated on (openedAt, id); fetches one row more than asked. */
    public List<ControlCase> search(ControlCaseSearch s) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (s.countyCode() != null) {
            where.add("countyCode = :county");
            params.and("county", s.countyCode());
        }
        if (s.speciesId() != null) {
            where.add("speciesId = :species");
            params.and("species", s.speciesId());
        }
        if (s.status() != null) {
            where.add("status = :status");
            params.and("status", s.status());
        }
        if (s.afterOpenedAt() != null) {
            where.add("(openedAt < :afterAt or (openedAt = :afterAt and id < :afterId))");
            params.and("afterAt", s.afterOpenedAt()).and("afterId", s.afterId());
        }
        Sort newestFirst = Sort.descending("openedAt", "id");
        return (where.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", where), newestFirst, params))
                .page(Page.ofSize(s.limit() + 1)).list();
    }
}
