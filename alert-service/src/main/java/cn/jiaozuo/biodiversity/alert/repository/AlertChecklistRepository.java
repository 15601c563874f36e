package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.AlertChecklistEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AlertChecklistRepository implements PanacheRepositoryBase<AlertChecklistEntry, AlertChecklistEntry.Key> {

    public List<AlertChecklistEntry> ofAlert(UUID alertId) {
        return list("alertId", alertId);
    }
}
