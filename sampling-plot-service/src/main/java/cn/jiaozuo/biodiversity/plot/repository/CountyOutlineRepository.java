package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.CountyOutline;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CountyOutlineRepository implements PanacheRepositoryBase<CountyOutline, String> {

    /** Every county outline without its geometry (which may be large), for the county views. */
    public List<OutlineSummary> summaries() {
        return getEntityManager().createQuery("select new " + OutlineSummary.class.getName()
                + "(o.countyCode, o.source, o.areaHa, o.updatedAt) from CountyOutline o", OutlineSummary.class).getResultList();
    }
}
