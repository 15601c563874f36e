package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.PlotRevision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PlotRevisionRepository implements PanacheRepositoryBase<PlotRevision, PlotRevision.Key> {

    /** The number the plot's next revision gets; the caller holds the plot's row lock. */
    public int nextRevision(String plotCode) {
        return getEntityManager().createQuery(
                        "select coalesce(max(r.key.revision), 0) from PlotRevision r where r.key.plotCode = ?1", Integer.class)
                .setParameter(1, plotCode).getSingleResult() + 1;
    }

    /** Oldest first. */
    public List<PlotRevision> of(String plotCode) {
        return list("key.plotCode", Sort.by("key.revision"), plotCode);
    }
}
