package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.Survey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<Survey, UUID> {

    /** Newest visit first. */
    public List<Survey> forPlot(String plotCode) {
        return list("plotCode = ?1 order by visitedOn desc, createdAt desc", plotCode);
    }
}
