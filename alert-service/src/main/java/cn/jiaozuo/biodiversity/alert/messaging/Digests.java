package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.domain.DeliveryPlan;
import cn.jiaozuo.biodiversity.alert.domain.DeliveryStatus;
import cn.jiaozuo.biodiversity.alert.domain.Subscription;
import cn.jiaozuo.biodiversity.alert.domain.WebhookDelivery;
import cn.jiaozuo.biodiversity.alert.repository.DigestRepository;
import cn.jiaozuo.biodiversity.alert.repository.SubscriptionRepository;
import cn.jiaozuo.biodiversity.alert.repository.WebhookDeliveryRepository;
import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends the digests that are due "as of" a given time ({@link DigestLoop} passes the {@link
 * cn.jiaozuo.biodiversity.alert.domain.DeliveryClock}'s, tests any they like). A digest becomes one delivery of event
 * type {@code AlertDigest} in the webhook outbox, sent, retried and logged like an alert event. Each due time of each
 * subscription is claimed by inserting its {@code subscription_digest} row: a second run, a restart or another replica
 * finds the row and sends nothing again. A due time with nothing waiting sends no message.
 */
@ApplicationScoped
public class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class);
    private static final Object WAKE_KEY = new Object();

    private final DigestRepository digests;
    private final SubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookDispatcher dispatcher;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper json;
    private final ZoneId zone;

    public Digests(DigestRepository digests, SubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            WebhookDispatcher dispatcher, TransactionSynchronizationRegistry transactions, ObjectMapper json,
            AlertConfig config) {
        this.digests = digests;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.json = json;
        this.zone = ZoneId.of(config.zone());
    }

    /** Every subscription's digest due as of {@code now}, each in a transaction of its own; the deliveries written. */
    public List<UUID> run(Instant now) {
        List<UUID> written = new ArrayList<>();
        for (UUID id : QuarkusTransaction.requiringNew().call(digests::scheduled)) {
            try {
                QuarkusTransaction.requiringNew().call(() -> send(id, now)).ifPresent(written::add);
            } catch (RuntimeException e) {
                LOG.warnf("Digest of subscription %s not sent this time: %s", id, e.toString());
            }
        }
        return written;
    }

    /** The subscription's digest due as of {@code now} unless sent already; the delivery's id when one was written. */
    Optional<UUID> send(UUID subscriptionId, Instant now) {
        Subscription s = subscriptions.findById(subscriptionId);
        if (s == null) {
            return Optional.empty();
        }
        Optional<Instant> due = DeliveryPlan.of(s, zone).lastDue(now);
        // Due times before the subscription existed have nothing to send; skipping them spares a row each.
        if (due.isEmpty() || due.get().isBefore(s.createdAt.truncatedTo(ChronoUnit.HOURS))
                || digests.handled(s.id, due.get())) {
            return Optional.empty();
        }
        UUID digestId = UUID.randomUUID();
        if (!digests.claim(digestId, s.id, due.get(), now)) {
            return Optional.empty();
        }
        List<DigestRepository.Item> items = digests.take(digestId, s.id, due.get());
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<AlertDigest.Entry> entries = new ArrayList<>();
        for (DigestRepository.Item item : items) {
            try {
                entries.add(new AlertDigest.Entry(item.eventType(),
                        json.treeToValue(json.readTree(item.payload()).get("data"), AlertSnapshot.class)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Queued alert event unreadable", e);
            }
        }
        List<AlertDigest.Group> groups = DigestMessages.group(entries);
        int omitted = Math.max(0, entries.size() - AlertDigest.MAX_LISTED);
        if (omitted > 0) {
            groups = DigestMessages.group(groups.stream().flatMap(g -> g.alerts().stream())
                    .limit(AlertDigest.MAX_LISTED).toList());
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EventEnvelope<AlertDigest> envelope = new EventEnvelope<>(UUID.randomUUID(), AlertDigest.EVENT_TYPE, at,
                "alert-service", new AlertDigest(s.id, due.get(), entries.size(), omitted, groups));
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = s.id;
        delivery.kind = "DIGEST";
        delivery.eventId = envelope.eventId();
        delivery.eventType = AlertDigest.EVENT_TYPE;
        try {
            delivery.payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = at;
        delivery.createdAt = at;
        deliveries.persist(delivery);
        AfterCommit.runOnce(transactions, WAKE_KEY, dispatcher::wakeUp);
        return Optional.of(delivery.id);
    }
}
