package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of event type {@code AlertDigest}: the alerts a subscription was not sent at once since its last digest,
 * each in its latest state, grouped by rule and county. What a webhook gets (signed like an alert event) and what
 * the robots' and e-mail's digest messages are made from.
 *
 * @param dueAt      when the digest was due
 * @param alertCount alerts in the digest, including {@code omitted}
 * @param omitted    alerts left out of {@code groups} (a webhook's digest lists at most {@link #MAX_LISTED})
 */
public record AlertDigest(UUID subscriptionId, Instant dueAt, int alertCount, int omitted, List<Group> groups) {

    public static final String EVENT_TYPE = "AlertDigest";
    /** The most alerts a digest body lists; the console has the rest. */
    public static final int MAX_LISTED = 500;

    /** The alerts of one rule in one county. */
    public record Group(String rule, String countyCode, List<Entry> alerts) {
    }

    /** An alert as its latest event showed it. */
    public record Entry(String eventType, AlertSnapshot alert) {
    }
}
