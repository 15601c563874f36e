package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.PlotStatus;
import cn.jiaozuo.biodiversity.plot.domain.Survey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<Survey, UUID> {

    /** Newest visit first. */
    public List<Survey> forPlot(String plotCode) {
        return list("plotCode", Sort.descending("visitedOn", "createdAt"), plotCode);
    }

    /** The day of the newest visit to each active plot that has one. */
    public Map<String, LocalDate> lastVisitByActivePlot() {
        List<Object[]> rows = getEntityManager().createQuery("select s.plotCode, max(s.visitedOn) from Survey s"
                        + " where s.plotCode in (select p.code from Plot p where p.status = ?1) group by s.plotCode",
                        Object[].class)
                .setParameter(1, PlotStatus.ACTIVE).getResultList();
        Map<String, LocalDate> last = new HashMap<>();
        for (Object[] row : rows) {
            last.put((String) row[0], (LocalDate) row[1]);
        }
        return last;
    }
}
