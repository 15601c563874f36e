package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.WebhookDelivery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * Puts a newer event of the alert into the subscription's update that waits for its time and was never tried
     * (attempts 0, due later: no sender holds it, and the claim cannot take it meanwhile); false when there is none.
     */
    public boolean coalesce(UUID subscriptionId, UUID alertId, UUID eventId, String eventType, String payload,
            Instant now) {
        return getEntityManager().createNativeQuery("update webhook_delivery set event_id = ?1, event_type = ?2,"
                + " payload = ?3 where subscription_id = ?4 and alert_id = ?5 and kind = 'EVENT' and status = 'PENDING'"
                + " and attempts = 0 and next_attempt_at > ?6")
                .setParameter(1, eventId).setParameter(2, eventType).setParameter(3, payload)
                .setParameter(4, subscriptionId).setParameter(5, alertId).setParameter(6, now)
                .executeUpdate() > 0;
    }

    /** When the subscription was last sent (or is next to be sent) a message about the alert; null if never. */
    public Instant lastMessageAbout(UUID subscriptionId, UUID alertId) {
        Object last = getEntityManager().createNativeQuery("select max(case when attempts = 0 then next_attempt_at"
                + " else last_attempt_at end) from webhook_delivery where subscription_id = ?1 and alert_id = ?2"
                + " and kind = 'EVENT'").setParameter(1, subscriptionId).setParameter(2, alertId).getSingleResult();
        if (last == null) {
            return null;
        }
        return last instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : last instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) last;
    }

    public List<WebhookDelivery> latest(UUID subscriptionId, int limit) {
        return find("subscriptionId = ?1 order by createdAt desc, id", subscriptionId).page(0, limit).list();
    }
}
