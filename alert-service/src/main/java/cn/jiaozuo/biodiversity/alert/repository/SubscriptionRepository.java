package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.Subscription;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {
}
