package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.domain.DeliveryStatus;
import cn.jiaozuo.biodiversity.alert.domain.Subscription;
import cn.jiaozuo.biodiversity.alert.domain.WebhookDelivery;
import cn.jiaozuo.biodiversity.alert.repository.SubscriptionRepository;
import cn.jiaozuo.biodiversity.alert.repository.WebhookDeliveryRepository;
import cn.jiaozuo.biodiversity.common.events.BulletinSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.messaging.ConsumerSpec;
import cn.jiaozuo.biodiversity.common.messaging.IdempotentConsumers;
import cn.jiaozuo.biodiversity.common.messaging.PoisonEventException;
import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads topic {@code bulletins} (group {@code alert-service-bulletins}) and sends each {@code BulletinPublished} to the
 * subscriptions that asked for bulletins, with absolute links to the documents on bulletin-service: one delivery of
 * kind BULLETIN per subscription in the webhook outbox, written in the transaction of the processed-event id, so a
 * redelivered event sends nothing twice. A county filter keeps that county's bulletins and the city-wide and regional
 * ones. An unreadable event goes to {@code bulletins.dlq}.
 */
@ApplicationScoped
public class BulletinConsumer {

    public static final String NAME = "alert-service-bulletins";
    public static final String GROUP = "alert-service-bulletins";
    private static final Set<String> REGIONS = Set.of("CITY", "TAIHANG", "YELLOW_RIVER");
    private static final Object WAKE_KEY = new Object();

    private final IdempotentConsumers consumers;
    private final SubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookDispatcher dispatcher;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper json;
    private final String bulletinUrl;

    public BulletinConsumer(IdempotentConsumers consumers, SubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries, WebhookDispatcher dispatcher,
            TransactionSynchronizationRegistry transactions, ObjectMapper json, AlertConfig config) {
        this.consumers = consumers;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.json = json;
        this.bulletinUrl = config.channels().bulletinUrl();
    }

    void start(@Observes StartupEvent event) {
        consumers.start(new ConsumerSpec(NAME, GROUP, List.of(Topics.BULLETINS), Topics.BULLETINS_DLQ,
                e -> EventTypes.BULLETIN_PUBLISHED.equals(e.type())), this::handle);
    }

    void handle(EventEnvelope<JsonNode> event) {
        BulletinSnapshot bulletin = parse(event);
        BulletinNotice notice = BulletinNotice.of(bulletin, bulletinUrl);
        String payload;
        try {
            payload = json.writeValueAsString(new EventEnvelope<>(event.eventId(), EventTypes.BULLETIN_PUBLISHED,
                    event.occurredAt(), "alert-service", notice));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Subscription s : subscriptions.listAll()) {
            if (!s.bulletins || !concerns(s, bulletin.scope())) {
                continue;
            }
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.subscriptionId = s.id;
            delivery.kind = "BULLETIN";
            delivery.eventId = event.eventId();
            delivery.eventType = EventTypes.BULLETIN_PUBLISHED;
            delivery.payload = payload;
            delivery.status = DeliveryStatus.PENDING;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            deliveries.persist(delivery);
            AfterCommit.runOnce(transactions, WAKE_KEY, dispatcher::wakeUp);
        }
    }

    /** City-wide and regional bulletins concern everyone; a county's those without a county filter or naming it. */
    private static boolean concerns(Subscription s, String scope) {
        Set<String> counties = s.filter.countyCodes();
        return REGIONS.contains(scope) || counties == null || counties.isEmpty() || counties.contains(scope);
    }

    private BulletinSnapshot parse(EventEnvelope<JsonNode> event) {
        BulletinSnapshot bulletin;
        try {
            bulletin = json.treeToValue(event.data(), BulletinSnapshot.class);
        } catch (Exception e) {
            throw new PoisonEventException("Not a BulletinSnapshot: " + e.getMessage(), e);
        }
        if (bulletin == null || bulletin.id() == null || bulletin.htmlPath() == null || bulletin.scope() == null
                || !bulletin.htmlPath().startsWith("/")) {
            throw new PoisonEventException("Bulletin without id, scope or an absolute htmlPath");
        }
        return bulletin;
    }
}
