package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.Plot;
import cn.jiaozuo.biodiversity.plot.domain.PlotStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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

    /** One page by code; the one query of this table whose conditions depend on the request. */
    public List<Plot> search(PlotSearch s) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (s.countyCode() != null) {
            where.add("countyCode = :county");
            params.and("county", s.countyCode());
        }
        if (s.priorityArea() != null) {
            where.add("countyCode in (select c.code from County c where c.priorityArea = :area)");
            params.and("area", s.priorityArea());
        }
        if (s.ecosystem() != null) {
            where.add("ecosystem = :ecosystem");
            params.and("ecosystem", s.ecosystem());
        }
        if (s.status() != null) {
            where.add("status = :status");
            params.and("status", s.status());
        }
        Sort byCode = Sort.by("code");
        return (where.isEmpty() ? findAll(byCode) : find(String.join(" and ", where), byCode, params))
                .page(Page.of(s.page(), s.size())).list();
    }
}
