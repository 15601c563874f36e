package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.repository.SubscriptionRepository;
import cn.jiaozuo.biodiversity.alert.repository.WebhookDeliveryRepository;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions, each owned by the organisation in its creator's token (the caller's org): a subscription
 * holds the organisation's receiver URL and the deliveries show what it was sent, so a bureau user sees and
 * changes only their own organisation's; another one's is "not found" like a missing one, so ids tell nothing.
 * Admins see all.
 */
@ApplicationScoped
public class SubscriptionService {

    /** What a bureau asks to subscribe; {@code filter} null means every alert. */
    public record NewSubscription(String name, String organization, AlertFilter filter, Channel channel,
            String webhookUrl, String webhookSecret, List<String> emailRecipients, Timing timing, boolean bulletins) {
    }

    /**
     * When alerts are sent ({@link DeliveryPlan}); every part may be null: no digest, no quiet hours, everything at
     * once as before. Times are "HH:mm" in the bureaus' zone.
     */
    public record Timing(java.util.Set<Severity> immediateSeverities, DigestFrequency digest, String digestAt,
            String quietFrom, String quietTo) {
        public static final Timing NONE = new Timing(null, null, null, null, null);
    }

    private final SubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final ReceiverPolicy receivers;
    private final java.time.ZoneId zone;

    public SubscriptionService(SubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            ReceiverPolicy receivers, cn.jiaozuo.biodiversity.alert.config.AlertConfig config) {
        this.zone = java.time.ZoneId.of(config.zone());
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.receivers = receivers;
    }

    /** Applies to alert events from now on. */
    @Transactional
    public Subscription subscribe(NewSubscription request, Caller caller) {
        String org = caller.organisation().orElseThrow(() -> new ProblemException(403, "Your token names no"
                + " organisation (claim org). A subscription belongs to an organisation: ask your administrator for a"
                + " token that names yours."));
        AlertFilter filter = request.filter() == null ? new AlertFilter(null, null, null, null, null) : request.filter();
        List<Violation> violations = new ArrayList<>();
        Channel channel = request.channel() == null ? Channel.WEBHOOK : request.channel();
        String url = request.webhookUrl() == null ? null : request.webhookUrl().strip();
        if (channel == Channel.EMAIL) {
            if (request.webhookUrl() != null || request.webhookSecret() != null) {
                violations.add(new Violation("webhook", "must be omitted for e-mail; give email.recipients"));
            }
            emailRefusals(request.emailRecipients(), violations);
        } else if (url == null) {
            violations.add(new Violation("webhook", "is required: the " + channel + " address"));
        } else {
            receivers.refusal(url).or(() -> channel.urlRefusal(url, receivers.operatorAllowed(url)))
                    .ifPresent(why -> violations.add(new Violation("webhook.url", why)));
            secretRefusal(channel, request.webhookSecret())
                    .ifPresent(why -> violations.add(new Violation("webhook.secret", why)));
            if (request.emailRecipients() != null) {
                violations.add(new Violation("email", "is only for channel EMAIL"));
            }
        }
        Timing timing = request.timing() == null ? Timing.NONE : request.timing();
        DigestFrequency digest = timing.digest() == null ? DigestFrequency.NONE : timing.digest();
        java.time.LocalTime digestAt = time("digestAt", timing.digestAt(), violations);
        java.time.LocalTime quietFrom = time("quietHours.from", timing.quietFrom(), violations);
        java.time.LocalTime quietTo = time("quietHours.to", timing.quietTo(), violations);
        if (digest == DigestFrequency.DAILY && timing.digestAt() == null) {
            violations.add(new Violation("digestAt", "is required for a DAILY digest: its local time, like 08:00"));
        }
        if (digest != DigestFrequency.DAILY && timing.digestAt() != null) {
            violations.add(new Violation("digestAt", "is only for digest DAILY"));
        }
        if (digest == DigestFrequency.NONE && timing.immediateSeverities() != null) {
            violations.add(new Violation("immediateSeverities", "needs a digest (HOURLY or DAILY) for the other"
                    + " severities; without one every alert is sent at once"));
        }
        if ((timing.quietFrom() == null) != (timing.quietTo() == null)) {
            violations.add(new Violation("quietHours", "needs both from and to, like 22:00 and 07:00"));
        } else if (quietFrom != null && quietFrom.equals(quietTo)) {
            violations.add(new Violation("quietHours", "from and to are the same time"));
        }
        DeliveryPlan plan = new DeliveryPlan(DeliveryPlan.DEFAULT_IMMEDIATE, digest, digestAt, quietFrom, quietTo,
                zone);
        if (digestAt != null && quietFrom != null && quietTo != null && !quietFrom.equals(quietTo)
                && plan.quiet(java.time.LocalDate.now().atTime(digestAt).atZone(plan.zone()).toInstant())) {
            violations.add(new Violation("digestAt", "lies in the quiet hours; choose a time outside them"));
        }
        if (filter.countyCodes() != null) {
            for (String code : filter.countyCodes()) {
                if (!JiaozuoCounty.isValid(code)) {
                    violations.add(new Violation("filter.countyCodes", code + " is not a Jiaozuo county code"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        int length = AlertFilterConverter.json(filter).length();
        if (length > Subscription.MAX_FILTER_LENGTH) {
            // The column holds 8000 characters: 500 long species ids or long group names overflowed it, a 500.
            throw ProblemException.badRequest("filter", "is too large to store (" + length + " characters as JSON,"
                    + " at most " + Subscription.MAX_FILTER_LENGTH + "); split it into several subscriptions");
        }
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.name = request.name().strip();
        s.organization = request.organization().strip();
        s.org = org;
        s.filter = filter;
        s.channel = channel;
        s.webhookUrl = url;
        s.emailRecipients = channel == Channel.EMAIL ? String.join(",", request.emailRecipients().stream()
                .map(String::strip).distinct().toList()) : null;
        s.webhookSecret = request.webhookSecret();
        s.digest = digest;
        s.digestAt = digestAt;
        s.quietFrom = quietFrom;
        s.quietTo = quietTo;
        s.immediateSeverities = timing.immediateSeverities() == null || timing.immediateSeverities().isEmpty() ? null
                : String.join(",", timing.immediateSeverities().stream().sorted().map(Enum::name).toList());
        s.bulletins = request.bulletins();
        s.createdBy = caller.subject();
        s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscriptions.persist(s);
        return s;
    }

    private static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    /** A local time as "HH:mm" (00:00–23:59); null when absent or wrong (then a violation). */
    private static java.time.LocalTime time(String field, String value, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalTime.parse(value.strip(), HH_MM);
        } catch (java.time.format.DateTimeParseException e) {
            violations.add(new Violation(field, "'" + value + "' is not a local time like 07:00 (HH:mm, Asia/Shanghai)"));
            return null;
        }
    }

    /** A plain address (no display name, no comment): what a bureau's administrator types. */
    private static final java.util.regex.Pattern MAILBOX = java.util.regex.Pattern.compile(
            "[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");

    private static void emailRefusals(List<String> recipients, List<Violation> violations) {
        if (recipients == null || recipients.isEmpty()) {
            violations.add(new Violation("email.recipients", "is required for e-mail: 1 to 20 addresses"));
            return;
        }
        for (String r : recipients) {
            if (r == null || !MAILBOX.matcher(r.strip()).matches() || r.strip().length() > 254) {
                violations.add(new Violation("email.recipients", "'" + r + "' is not an e-mail address like"
                        + " yujing@lyj.jiaozuo.gov.cn"));
            }
        }
    }

    private static java.util.Optional<String> secretRefusal(Channel channel, String secret) {
        return java.util.Optional.ofNullable(switch (channel) {
            case WEBHOOK -> secret == null ? "is required: each delivery is signed with it" : null;
            case WECOM -> secret != null ? "must be omitted: a WeCom robot has no signing secret, its key is in the URL"
                    : null;
            case DINGTALK -> secret != null && !secret.startsWith("SEC") ? "is the robot's signing secret (加签),"
                    + " which starts with SEC; omit it when the robot does not sign" : null;
            case FEISHU, EMAIL -> null;
        });
    }

    /** An admin's: all, oldest first; a bureau user's: their organisation's (none without an org claim). */
    public List<Subscription> visibleTo(Caller caller) {
        if (caller.has(Roles.ADMIN)) {
            return subscriptions.everyOrg();
        }
        return caller.organisation().map(subscriptions::ofOrg).orElse(List.of());
    }

    /** The subscription if the caller may see it; another organisation's is "not found" too, so ids tell nothing. */
    public Subscription find(UUID id, Caller caller) {
        return subscriptions.findByIdOptional(id)
                .filter(s -> caller.has(Roles.ADMIN) || (s.org != null && s.org.equals(caller.org())))
                .orElseThrow(() -> ProblemException.notFound("No subscription " + id));
    }

    /** Its pending deliveries go with it. */
    @Transactional
    public void delete(UUID id, Caller caller) {
        subscriptions.delete(find(id, caller));
    }

    /** The subscription's latest deliveries, newest first. */
    public List<WebhookDelivery> deliveries(UUID id, Caller caller, int limit) {
        find(id, caller);
        return deliveries.latest(id, limit);
    }
}
