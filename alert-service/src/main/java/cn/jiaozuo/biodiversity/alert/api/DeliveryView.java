package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.WebhookDelivery;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID eventId,
        @Schema(required = true, example = "AlertRaised") String eventType,
        @Schema(required = true, nullable = true, description = "Null for a test, a digest or a bulletin") UUID alertId,
        @Schema(required = true, example = "EVENT", enumeration = {"EVENT", "TEST", "DIGEST", "BULLETIN"},
                description = "An alert event, a test message (POST /subscriptions/{id}/test), a digest of the alerts not"
                + " sent at once (event type AlertDigest), or a published bulletin (BulletinPublished)") String kind,
        @Schema(required = true, example = "PENDING", enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
        @Schema(required = true, example = "2") int attempts,
        @Schema(required = true, nullable = true, example = "500", description = "HTTP status of the last try, null when no response came") Integer lastStatus,
        @Schema(required = true, nullable = true, example = "HTTP 500", description = "HTTP status, 'receiver unreachable',"
                + " or a robot's refusal as it answered it ('errcode 93000: invalid webhook url')") String lastError,
        @Schema(required = true, nullable = true) Instant nextAttemptAt,
        @Schema(required = true, nullable = true) Instant lastAttemptAt,
        @Schema(required = true, nullable = true) Instant deliveredAt,
        @Schema(required = true) Instant createdAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.alertId, d.kind, d.status.name(), d.attempts, d.lastStatus,
                d.lastError, d.status.name().equals("PENDING") ? d.nextAttemptAt : null, d.lastAttemptAt,
                d.deliveredAt, d.createdAt);
    }
}
