package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.ProtectedAreaOutline;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ProtectedAreaOutlineRepository implements PanacheRepositoryBase<ProtectedAreaOutline, String> {

    /** Every protected-area outline without its geometry (which may be large), for the protected-area views. */
    public List<OutlineSummary> summaries() {
        return getEntityManager().createQuery("select new " + OutlineSummary.class.getName()
                + "(o.protectedAreaId, o.source, o.areaHa, o.updatedAt) from ProtectedAreaOutline o", OutlineSummary.class)
                .getResultList();
    }
}
