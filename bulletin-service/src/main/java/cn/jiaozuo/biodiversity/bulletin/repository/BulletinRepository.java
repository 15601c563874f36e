package cn.jiaozuo.biodiversity.bulletin.repository;

import cn.jiaozuo.biodiversity.bulletin.domain.Bulletin;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFilter;
import cn.jiaozuo.biodiversity.bulletin.domain.Edition;
import cn.jiaozuo.biodiversity.bulletin.domain.Period;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BulletinRepository implements PanacheRepositoryBase<Bulletin, UUID> {

    /** The newest archived version of this period, scope and edition. */
    public Optional<Bulletin> findLatest(Period period, String scope, Edition edition) {
        return find("periodFrom = :from and periodTo = :to and scope = :scope and edition = :edition",
                Sort.descending("version"),
                Parameters.with("from", period.from()).and("to", period.to()).and("scope", scope).and("edition", edition))
                .firstResultOptional();
    }

    /** One page, newest first; one more row than the limit tells whether another page follows. */
    public List<Bulletin> list(BulletinFilter filter) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.scope() != null) {
            where.add("scope = :scope");
            parameters.and("scope", filter.scope());
        }
        if (filter.edition() != null) {
            where.add("edition = :edition");
            parameters.and("edition", filter.edition());
        }
        if (filter.from() != null) {
            where.add("periodFrom >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("periodTo <= :to");
            parameters.and("to", filter.to());
        }
        if (filter.afterId() != null) {
            where.add("(generatedAt < :at or (generatedAt = :at and id < :id))");
            parameters.and("at", filter.afterGeneratedAt()).and("id", filter.afterId());
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return find(query, Sort.descending("generatedAt", "id"), parameters).page(0, filter.limit() + 1).list();
    }
}
