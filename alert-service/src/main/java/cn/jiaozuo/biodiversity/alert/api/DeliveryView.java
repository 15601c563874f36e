package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.WebhookDelivery;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery")
public record DeliveryView(
        UUID id,
        UUID eventId,
        @Schema(example = "AlertRaised") String eventType,
        UUID alertId,
        @Schema(example = "PENDING", enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
        @Schema(example = "2") int attempts,
        @Schema(example = "500", description = "HTTP status of the last try, null when no response came") Integer lastStatus,
        @Schema(example = "HTTP 500") String lastError,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.alertId, d.status.name(), d.attempts, d.lastStatus,
                d.lastError, d.status.name().equals("PENDING") ? d.nextAttemptAt : null, d.lastAttemptAt,
                d.deliveredAt, d.createdAt);
    }
}
