package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.config.AlertMetrics;
import cn.jiaozuo.biodiversity.alert.domain.Channel;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.alert.domain.Alert;
import cn.jiaozuo.biodiversity.alert.domain.AlertEvents;
import cn.jiaozuo.biodiversity.alert.domain.DeliveryClock;
import cn.jiaozuo.biodiversity.alert.domain.DeliveryPlan;
import cn.jiaozuo.biodiversity.alert.domain.DeliveryStatus;
import cn.jiaozuo.biodiversity.alert.repository.DigestRepository;
import cn.jiaozuo.biodiversity.alert.domain.Subscription;
import cn.jiaozuo.biodiversity.alert.domain.WebhookDelivery;
import cn.jiaozuo.biodiversity.alert.repository.SubscriptionRepository;
import cn.jiaozuo.biodiversity.alert.repository.WebhookDeliveryRepository;
import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * {@link AlertEvents} in the caller's transaction: one row in the Kafka outbox (topic {@code alerts}, key = county
 * code) and one webhook delivery row per matching subscription, so the event, its deliveries and the alert change
 * commit or vanish together.
 */
@ApplicationScoped
public class OutboxAlertEvents implements AlertEvents {

    private static final Object WAKE_KEY = new Object();

    private final Outbox outbox;
    private final ObjectMapper json;
    private final SubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookDispatcher dispatcher;
    private final TransactionSynchronizationRegistry transactions;
    private final AlertMetrics metrics;
    private final Duration updateInterval;
    private final DigestRepository digests;
    private final DeliveryClock clock;
    private final ZoneId zone;

    public OutboxAlertEvents(Outbox outbox, ObjectMapper json, SubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries, WebhookDispatcher dispatcher,
            TransactionSynchronizationRegistry transactions, AlertMetrics metrics, AlertConfig config,
            DigestRepository digests, DeliveryClock clock) {
        this.digests = digests;
        this.clock = clock;
        this.zone = ZoneId.of(config.zone());
        this.updateInterval = config.channels().updateInterval();
        this.outbox = outbox;
        this.json = json;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    @Override
    public void publish(String type, Alert alert) {
        AlertSnapshot snapshot = alert.toSnapshot();
        EventEnvelope<AlertSnapshot> envelope = outbox.publish(Topics.ALERTS, snapshot.countyCode(), type, snapshot);
        metrics.countOnCommit(type, snapshot.severity());
        String body = null;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Subscription subscription : subscriptions.listAll()) {
            if (!subscription.filter.matches(snapshot)
                    || (alert.audienceOrg != null && !alert.audienceOrg.equals(subscription.org))) {
                continue;
            }
            if (body == null) {
                body = serialize(envelope);
            }
            DeliveryPlan plan = DeliveryPlan.of(subscription, zone);
            if (!plan.plain()) {
                Instant at = clock.now();
                if (plan.route(snapshot.severity(), at) == DeliveryPlan.Route.DIGEST) {
                    // Not now: the next digest lists the alert as it is then (its latest event).
                    digests.queue(subscription.id, alert.id, type, body, at);
                    continue;
                }
                digests.dropPending(subscription.id, alert.id);
            }
            Instant due = now;
            if (subscription.channel != Channel.WEBHOOK && EventTypes.ALERT_UPDATED.equals(type)
                    && !updateInterval.isZero()) {
                // People read these: one message per alert and interval, with the latest state, not one per update.
                deliveries.flush();
                if (deliveries.coalesce(subscription.id, alert.id, envelope.eventId(), type, body, now)) {
                    continue;
                }
                Instant last = deliveries.lastMessageAbout(subscription.id, alert.id);
                if (last != null && last.plus(updateInterval).isAfter(now)) {
                    due = last.plus(updateInterval);
                }
            }
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.subscriptionId = subscription.id;
            delivery.alertId = alert.id;
            delivery.eventId = envelope.eventId();
            delivery.eventType = type;
            delivery.payload = body;
            delivery.status = DeliveryStatus.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = due;
            delivery.createdAt = now;
            delivery.kind = "EVENT";
            deliveries.persist(delivery);
            AfterCommit.runOnce(transactions, WAKE_KEY, dispatcher::wakeUp);
        }
    }

    private String serialize(EventEnvelope<AlertSnapshot> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alert event cannot be serialized", e);
        }
    }
}
