package cn.jiaozuo.biodiversity.alert.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * When a subscription hears of an alert event: at once, or in its next digest. Pure, so that every boundary is a
 * plain unit test. Quiet hours are [from, to) in local time and may run over midnight (22:00–07:00: 21:59 is not
 * quiet, 22:00 is, 06:59 is, 07:00 is not). A plan without digest and quiet hours sends everything at once, as
 * subscriptions always did.
 *
 * @param immediate severities sent at once when a digest is set (CRITICAL always is)
 * @param digest    NONE, HOURLY or DAILY
 * @param digestAt  DAILY: the local time of the digest
 * @param quietFrom null without quiet hours
 * @param quietTo   null without quiet hours
 */
public record DeliveryPlan(Set<Severity> immediate, DigestFrequency digest, LocalTime digestAt, LocalTime quietFrom,
        LocalTime quietTo, ZoneId zone) {

    /** What a subscription without the settings gets, and what {@code immediateSeverities} defaults to. */
    public static final Set<Severity> DEFAULT_IMMEDIATE = Set.of(Severity.CRITICAL);

    public enum Route { IMMEDIATE, DIGEST }

    public static DeliveryPlan of(Subscription s, ZoneId zone) {
        return new DeliveryPlan(s.immediateSet(), s.digest == null ? DigestFrequency.NONE : s.digest,
                s.digestAt, s.quietFrom, s.quietTo, zone);
    }

    /** No digest and no quiet hours: every event at once. */
    public boolean plain() {
        return digest == DigestFrequency.NONE && quietFrom == null;
    }

    public boolean quiet(Instant at) {
        if (quietFrom == null) {
            return false;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        return quietFrom.isBefore(quietTo) ? !t.isBefore(quietFrom) && t.isBefore(quietTo)
                : !t.isBefore(quietFrom) || t.isBefore(quietTo);
    }

    /** CRITICAL always passes; in quiet hours nothing else does; otherwise the chosen severities, or all without a digest. */
    public Route route(String severity, Instant at) {
        if (plain() || Severity.CRITICAL.name().equals(severity)) {
            return Route.IMMEDIATE;
        }
        if (quiet(at)) {
            return Route.DIGEST;
        }
        if (digest == DigestFrequency.NONE) {
            return Route.IMMEDIATE;
        }
        return immediate.stream().anyMatch(s -> s.name().equals(severity)) ? Route.IMMEDIATE : Route.DIGEST;
    }

    /**
     * The latest time at or before {@code now} a digest was due: HOURLY every full local hour outside quiet hours,
     * DAILY at {@code digestAt}, NONE (with quiet hours) when they end. Empty for a plain plan. Missed digests (the
     * service was down) are not made up one by one: the next one takes everything waiting.
     */
    public Optional<Instant> lastDue(Instant now) {
        if (plain()) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        return Optional.of(switch (digest) {
            case HOURLY -> {
                ZonedDateTime hour = local.truncatedTo(ChronoUnit.HOURS);
                for (int i = 0; i < 25 && quiet(hour.toInstant()); i++) {
                    hour = hour.minusHours(1);
                }
                yield hour.toInstant();
            }
            case DAILY -> atOrBefore(local, digestAt);
            case NONE -> atOrBefore(local, quietTo);
        });
    }

    private static Instant atOrBefore(ZonedDateTime local, LocalTime time) {
        ZonedDateTime today = local.with(time).truncatedTo(ChronoUnit.MINUTES);
        return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
    }
}
