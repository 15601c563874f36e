package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.AlertFilter;
import cn.jiaozuo.biodiversity.alert.domain.Channel;
import cn.jiaozuo.biodiversity.alert.domain.DigestFrequency;
import cn.jiaozuo.biodiversity.alert.domain.Severity;
import cn.jiaozuo.biodiversity.alert.domain.Subscription;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription as read back: the secret is write-only, only {@code secretSet} tells it is there; a robot's key or
 * access token in its URL is shortened to its first characters.
 */
@Schema(name = "Subscription")
public record SubscriptionView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "White moth early warning") String name,
        @Schema(required = true, example = "市林业局", description = "Display name given when subscribing") String organization,
        @Schema(required = true, example = "forestry-bureau", nullable = true, description = "The owning organisation: the org claim of"
                + " the creator's token. Only its bureau users (and admins) see the subscription.") String org,
        @Schema(required = true) SubscriptionRequest.Filter filter,
        @Schema(required = true, example = "WEBHOOK") Channel channel,
        @Schema(required = true, nullable = true, example = "https://lyj.jiaozuo.gov.cn/hooks/alerts", description = "A robot's"
                + " key or access token is shown only by its first 4 characters and …; null for EMAIL") String webhookUrl,
        @Schema(required = true, nullable = true, example = "[\"yujing@lyj.jiaozuo.gov.cn\"]",
                description = "EMAIL: the recipients; null for the other channels") java.util.List<String> emailRecipients,
        @Schema(required = true, example = "true", description = "A signing secret is set; the secret itself is never returned") boolean secretSet,
        @Schema(required = true, example = "[\"CRITICAL\"]", description = "Severities sent at once when a digest is"
                + " set (without one, every alert is sent at once)") java.util.List<Severity> immediateSeverities,
        @Schema(required = true, example = "DAILY") DigestFrequency digest,
        @Schema(required = true, nullable = true, example = "08:00", description = "DAILY: the digest's local time") String digestAt,
        @Schema(required = true, nullable = true) SubscriptionRequest.QuietHours quietHours,
        @Schema(required = true, example = "false", description = "Published bulletins are sent too") boolean bulletins,
        @Schema(required = true, example = "bureau-zhang") String createdBy,
        @Schema(required = true) Instant createdAt) {

    private static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    static SubscriptionView of(Subscription s) {
        AlertFilter f = s.filter;
        return new SubscriptionView(s.id, s.name, s.organization, s.org,
                new SubscriptionRequest.Filter(f.speciesIds(), f.groups(), f.countyCodes(), f.minSeverity(), f.rules()),
                s.channel, s.webhookUrl == null ? null : s.channel.displayUrl(s.webhookUrl),
                s.emailRecipients == null ? null : java.util.List.of(s.emailRecipients.split(",")), s.webhookSecret != null && !s.webhookSecret.isEmpty(),
                s.immediateSet().stream().sorted().toList(), s.digest == null ? DigestFrequency.NONE : s.digest,
                s.digestAt == null ? null : HH_MM.format(s.digestAt),
                s.quietFrom == null ? null : new SubscriptionRequest.QuietHours(HH_MM.format(s.quietFrom),
                        HH_MM.format(s.quietTo)), s.bulletins, s.createdBy, s.createdAt);
    }
}
