package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.FollowUpSurvey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FollowUpSurveyRepository implements PanacheRepositoryBase<FollowUpSurvey, UUID> {

    /** A case's follow-ups, oldest first. */
    public List<FollowUpSurvey> ofCase(UUID caseId) {
        return list("caseId", Sort.ascending("surveyedOn", "recordedAt"), caseId);
    }
}
