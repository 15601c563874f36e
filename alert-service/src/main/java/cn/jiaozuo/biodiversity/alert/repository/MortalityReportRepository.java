package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.AnimalGroup;
import cn.jiaozuo.biodiversity.alert.domain.EnforcementDecisions;
import cn.jiaozuo.biodiversity.alert.domain.MortalityReport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MortalityReportRepository implements PanacheRepositoryBase<MortalityReport, UUID> {

    private static final List<AnimalGroup> BIRDS = List.of(AnimalGroup.WATERFOWL, AnimalGroup.OTHER_BIRD);

    /** The report whose stored uuid or public id is {@code id}; locked when {@code forUpdate}. */
    public Optional<MortalityReport> findByShownId(UUID id, boolean forUpdate) {
        var query = find("id = ?1 or publicId = ?1", id);
        if (forUpdate) {
            query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional();
    }

    /**
     * Serializes the cluster rule: two reports of one cluster posted at once must not raise two alerts. Reports are
     * few (tens a day in a bad week), so one lock for all of them costs nothing.
     */
    public void lockClusterRule() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('alert-service:disease-cluster'))")
                .getSingleResult();
    }

    /**
     * Bird reports observed within [from, to] in the box that holds the circle of {@code radiusM} around the point:
     * the cluster rule's candidates (it measures the exact distance itself).
     */
    public List<MortalityReport> birdsNear(double lat, double lon, double radiusM, OffsetDateTime from,
            OffsetDateTime to) {
        double[] box = EnforcementDecisions.boxDegrees(lat, radiusM);
        return list("animalGroup in :birds and observedAt between :from and :to and lat between :minLat and :maxLat"
                        + " and lon between :minLon and :maxLon",
                Parameters.with("birds", BIRDS).and("from", from).and("to", to).and("minLat", lat - box[0])
                        .and("maxLat", lat + box[0]).and("minLon", lon - box[1]).and("maxLon", lon + box[1]));
    }

    public List<MortalityReport> ofCluster(UUID alertId) {
        return list("clusterAlertId", Sort.ascending("observedAt", "id"), alertId);
    }

    /** The reports whose cluster or own alert is {@code alertId}, oldest first. */
    public List<MortalityReport> ofAlert(UUID alertId) {
        return list("clusterAlertId = ?1 or mortalityAlertId = ?1", Sort.ascending("observedAt", "id"), alertId);
    }

    /**
     * One page, newest listed first, keyset-paginated on (listedAt, publicId); fetches one row more than asked. From/to
     * compare with the observation time as the caller is shown it: exact for reviewers, admins and the reporter's own
     * reports, otherwise {@code listedObservedAt} (to the hour for a sensitive species).
     */
    public List<MortalityReport> search(MortalityReportSearch s) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (s.countyCode() != null) {
            where.add("countyCode = :county");
            params.and("county", s.countyCode());
        }
        if (s.group() != null) {
            where.add("animalGroup = :group");
            params.and("group", s.group());
        }
        if (s.speciesId() != null) {
            where.add("speciesId = :species");
            params.and("species", s.speciesId());
        }
        if (s.clusterAlertId() != null) {
            where.add("(clusterAlertId = :alert or mortalityAlertId = :alert)");
            params.and("alert", s.clusterAlertId());
        }
        if (s.from() != null || s.to() != null) {
            String observed = "observedAt";
            if (s.generalizedExceptFor() != null) {
                observed = "(case when reporter = :viewer then observedAt else listedObservedAt end)";
                params.and("viewer", s.generalizedExceptFor());
            }
            if (s.from() != null) {
                where.add(observed + " >= :from");
                params.and("from", s.from());
            }
            if (s.to() != null) {
                where.add(observed + " < :to");
                params.and("to", s.to());
            }
        }
        if (s.afterListedAt() != null) {
            where.add("(listedAt < :afterAt or (listedAt = :afterAt and publicId < :afterId))");
            params.and("afterAt", s.afterListedAt()).and("afterId", s.afterPublicId());
        }
        Sort newestFirst = Sort.descending("listedAt", "publicId");
        return (where.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", where), newestFirst, params))
                .page(Page.ofSize(s.limit() + 1)).list();
    }
}
