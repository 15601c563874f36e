package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.WebhookDelivery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    public List<WebhookDelivery> latest(UUID subscriptionId, int limit) {
        return find("subscriptionId = ?1 order by createdAt desc, id", subscriptionId).page(0, limit).list();
    }
}
