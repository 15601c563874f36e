package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.Plot;
import cn.jiaozuo.biodiversity.plot.domain.PlotRevision;
import cn.jiaozuo.biodiversity.plot.domain.PlotStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PlotRepository implements PanacheRepositoryBase<Plot, String> {

    /**
     * The next code number of a county. The upsert takes a row lock on the county's counter, so
     * concurrent creates in one county queue here and never get the same number; numbers of rolled-back
     * creates are not reused (codes are identifiers, gaps are harmless).
     */
    public int nextNumber(String countyCode) {
        Object next = getEntityManager().createNativeQuery(
                "insert into plot_code_counter (county_code, last_number) values (?1, 1)"
                        + " on conflict (county_code) do update set last_number = plot_code_counter.last_number + 1"
                        + " returning last_number")
                .setParameter(1, countyCode).getSingleResult();
        return ((Number) next).intValue();
    }

    public List<Plot> active() {
        return list("status", PlotStatus.ACTIVE);
    }

    public int nextRevision(String plotCode) {
        Object max = getEntityManager().createQuery(
                "select coalesce(max(r.key.revision), 0) from PlotRevision r where r.key.plotCode = ?1")
                .setParameter(1, plotCode).getSingleResult();
        return ((Number) max).intValue() + 1;
    }

    public void addRevision(PlotRevision revision) {
        getEntityManager().persist(revision);
    }

    public List<PlotRevision> revisions(String plotCode) {
        return getEntityManager().createQuery(
                "from PlotRevision r where r.key.plotCode = ?1 order by r.key.revision", PlotRevision.class)
                .setParameter(1, plotCode).getResultList();
    }
}
