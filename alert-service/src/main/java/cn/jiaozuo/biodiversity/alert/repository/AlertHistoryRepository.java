package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.AlertHistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AlertHistoryRepository implements PanacheRepositoryBase<AlertHistoryEntry, Long> {

    public List<AlertHistoryEntry> forAlert(UUID alertId) {
        return list("alertId = ?1 order by id", alertId);
    }
}
