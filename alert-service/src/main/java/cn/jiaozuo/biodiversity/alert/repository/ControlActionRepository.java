package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.ControlAction;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ControlActionRepository implements PanacheRepositoryBase<ControlAction, UUID> {

    /** A case's actions, oldest first. */
    public List<ControlAction> ofCase(UUID caseId) {
        return list("caseId", Sort.ascending("performedOn", "recordedAt"), caseId);
    }
}
