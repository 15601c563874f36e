package cn.jiaozuo.biodiversity.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Alert events waiting for a subscription's digest ({@code digest_item}) and the digests sent
 * ({@code subscription_digest}: one row per subscription and due time, which only one transaction can insert).
 */
@ApplicationScoped
public class DigestRepository {

    /** An alert's latest event as queued; {@code queuedAt} when it was. */
    public record Item(UUID alertId, String eventType, String payload, Instant queuedAt) {
    }

    private final EntityManager em;

    public DigestRepository(EntityManager em) {
        this.em = em;
    }

    /** Queues the alert's event for the next digest; an alert already waiting keeps one row with its latest event. */
    public void queue(UUID subscriptionId, UUID alertId, String eventType, String payload, Instant at) {
        em.createNativeQuery("insert into digest_item (id, subscription_id, alert_id, event_type, payload, queued_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (subscription_id, alert_id) where digest_id is null"
                + " do update set event_type = excluded.event_type, payload = excluded.payload,"
                + " queued_at = excluded.queued_at")
                .setParameter(1, UUID.randomUUID()).setParameter(2, subscriptionId).setParameter(3, alertId)
                .setParameter(4, eventType).setParameter(5, payload).setParameter(6, Timestamp.from(at))
                .executeUpdate();
    }

    /** The alert was just sent at once (it escalated, say): its waiting digest line would only repeat older news. */
    public void dropPending(UUID subscriptionId, UUID alertId) {
        em.createNativeQuery("delete from digest_item where subscription_id = ?1 and alert_id = ?2 and digest_id is null")
                .setParameter(1, subscriptionId).setParameter(2, alertId).executeUpdate();
    }

    /** Subscriptions with a digest or quiet hours. */
    @SuppressWarnings("unchecked")
    public List<UUID> scheduled() {
        return em.createNativeQuery("select id from subscription where digest <> 'NONE' or quiet_from is not null"
                + " order by created_at", UUID.class).getResultList();
    }

    public boolean handled(UUID subscriptionId, Instant dueAt) {
        return !em.createNativeQuery("select 1 from subscription_digest where subscription_id = ?1 and due_at = ?2")
                .setParameter(1, subscriptionId).setParameter(2, Timestamp.from(dueAt)).getResultList().isEmpty();
    }

    /**
     * Claims the digest due at {@code dueAt}: true for the one transaction whose insert wins (another replica's or an
     * earlier run's row makes it false; a concurrent one waits for that row's commit, then gets false).
     */
    public boolean claim(UUID digestId, UUID subscriptionId, Instant dueAt, Instant now) {
        return em.createNativeQuery("insert into subscription_digest (id, subscription_id, due_at, alert_count,"
                + " created_at) values (?1, ?2, ?3, 0, ?4) on conflict (subscription_id, due_at) do nothing")
                .setParameter(1, digestId).setParameter(2, subscriptionId).setParameter(3, Timestamp.from(dueAt))
                .setParameter(4, Timestamp.from(now)).executeUpdate() == 1;
    }

    /**
     * What waited for the subscription up to {@code dueAt} goes into this digest, oldest first; later events wait for
     * the next one.
     */
    @SuppressWarnings("unchecked")
    public List<Item> take(UUID digestId, UUID subscriptionId, Instant dueAt) {
        int taken = em.createNativeQuery("update digest_item set digest_id = ?1 where subscription_id = ?2"
                + " and digest_id is null and queued_at <= ?3").setParameter(1, digestId)
                .setParameter(2, subscriptionId).setParameter(3, Timestamp.from(dueAt)).executeUpdate();
        em.createNativeQuery("update subscription_digest set alert_count = ?1 where id = ?2").setParameter(1, taken)
                .setParameter(2, digestId).executeUpdate();
        List<Object[]> rows = em.createNativeQuery("select alert_id, event_type, payload, queued_at from digest_item"
                + " where digest_id = ?1 order by queued_at, alert_id").setParameter(1, digestId).getResultList();
        return rows.stream().map(r -> new Item((UUID) r[0], (String) r[1], (String) r[2], instant(r[3]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : value instanceof Timestamp ts ? ts.toInstant() : (Instant) value;
    }
}
