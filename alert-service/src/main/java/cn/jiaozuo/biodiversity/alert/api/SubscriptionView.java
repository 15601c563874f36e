package cn.jiaozuo.biodiversity.alert.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as read back: the webhook secret is never shown. */
@Schema(name = "Subscription")
public record SubscriptionView(
        UUID id,
        @Schema(example = "White moth early warning") String name,
        @Schema(example = "市林业局") String organization,
        SubscriptionRequest.Filter filter,
        @Schema(example = "https://lyj.jiaozuo.gov.cn/hooks/alerts") String webhookUrl,
        @Schema(example = "bureau-zhang") String createdBy,
        Instant createdAt) {
}
