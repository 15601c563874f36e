package cn.jiaozuo.biodiversity.alert.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.alert.domain.DeliveryPlan.Route;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a subscription hears of an alert: quiet-hour boundaries, severities, and when digests are due (plain JUnit). */
class DeliveryPlanTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant local(String dateTime) {
        return OffsetDateTime.parse(dateTime + "+08:00").toInstant();
    }

    private static DeliveryPlan plan(DigestFrequency digest, String at, String from, String to, Severity... immediate) {
        return new DeliveryPlan(immediate.length == 0 ? DeliveryPlan.DEFAULT_IMMEDIATE : Set.of(immediate), digest,
                at == null ? null : LocalTime.parse(at), from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to), SHANGHAI);
    }

    @Test
    void without_settings_everything_goes_at_once_as_before() {
        DeliveryPlan plain = plan(DigestFrequency.NONE, null, null, null);
        assertTrue(plain.plain());
        for (String severity : new String[] {"INFO", "MEDIUM", "HIGH", "CRITICAL"}) {
            assertEquals(Route.IMMEDIATE, plain.route(severity, local("2026-06-01T23:30:00")));
        }
        assertEquals(Optional.empty(), plain.lastDue(local("2026-06-01T08:00:00")));
    }

    @Test
    void quiet_hours_over_midnight_hold_all_but_critical_at_their_exact_boundaries() {
        DeliveryPlan plan = plan(DigestFrequency.DAILY, "08:00", "22:00", "07:00");
        assertEquals(Route.DIGEST, plan.route("HIGH", local("2026-06-01T21:59:59")), "HIGH is not immediate here");
        assertEquals(Route.IMMEDIATE, plan.route("CRITICAL", local("2026-06-01T22:00:00")));
        // With HIGH immediate, only the quiet hours hold it.
        DeliveryPlan high = plan(DigestFrequency.DAILY, "08:00", "22:00", "07:00", Severity.CRITICAL, Severity.HIGH);
        assertEquals(Route.IMMEDIATE, high.route("HIGH", local("2026-06-01T21:59:00")));
        assertEquals(Route.DIGEST, high.route("HIGH", local("2026-06-01T22:00:00")), "22:00 is quiet");
        assertEquals(Route.DIGEST, high.route("HIGH", local("2026-06-02T06:59:00")), "06:59 is quiet");
        assertEquals(Route.IMMEDIATE, high.route("HIGH", local("2026-06-02T07:00:00")), "07:00 is not");
        assertFalse(high.quiet(local("2026-06-01T21:59:00")));
        assertTrue(high.quiet(local("2026-06-01T22:00:00")));
        assertTrue(high.quiet(local("2026-06-02T00:00:00")));
        assertTrue(high.quiet(local("2026-06-02T06:59:59")));
        assertFalse(high.quiet(local("2026-06-02T07:00:00")));
        assertEquals(Route.IMMEDIATE, high.route("CRITICAL", local("2026-06-02T03:00:00")), "CRITICAL passes");
    }

    @Test
    void quiet_hours_within_a_day_and_without_a_digest() {
        DeliveryPlan lunch = plan(DigestFrequency.NONE, null, "12:00", "13:30");
        assertFalse(lunch.plain());
        assertEquals(Route.IMMEDIATE, lunch.route("MEDIUM", local("2026-06-01T11:59:00")), "no digest: at once");
        assertEquals(Route.DIGEST, lunch.route("MEDIUM", local("2026-06-01T12:00:00")));
        assertEquals(Route.DIGEST, lunch.route("INFO", local("2026-06-01T13:29:00")));
        assertEquals(Route.IMMEDIATE, lunch.route("MEDIUM", local("2026-06-01T13:30:00")));
        // Held alerts go out when the quiet hours end.
        assertEquals(local("2026-05-31T13:30:00"), lunch.lastDue(local("2026-06-01T13:29:59")).orElseThrow());
        assertEquals(local("2026-06-01T13:30:00"), lunch.lastDue(local("2026-06-01T13:30:00")).orElseThrow());
    }

    @Test
    void a_digest_takes_the_severities_not_chosen_as_immediate() {
        DeliveryPlan plan = plan(DigestFrequency.HOURLY, null, null, null);
        assertEquals(Route.IMMEDIATE, plan.route("CRITICAL", local("2026-06-01T10:00:00")));
        assertEquals(Route.DIGEST, plan.route("HIGH", local("2026-06-01T10:00:00")));
        assertEquals(Route.DIGEST, plan.route("MEDIUM", local("2026-06-01T10:00:00")));
        DeliveryPlan high = plan(DigestFrequency.HOURLY, null, null, null, Severity.HIGH);
        assertEquals(Route.IMMEDIATE, high.route("HIGH", local("2026-06-01T10:00:00")));
        assertEquals(Route.IMMEDIATE, high.route("CRITICAL", local("2026-06-01T10:00:00")), "CRITICAL always");
        assertEquals(Route.DIGEST, high.route("INFO", local("2026-06-01T10:00:00")));
    }

    @Test
    void an_hourly_digest_is_due_at_each_full_local_hour_outside_quiet_hours() {
        DeliveryPlan plan = plan(DigestFrequency.HOURLY, null, "22:00", "07:00");
        assertEquals(local("2026-06-01T10:00:00"), plan.lastDue(local("2026-06-01T10:00:00")).orElseThrow());
        assertEquals(local("2026-06-01T10:00:00"), plan.lastDue(local("2026-06-01T10:59:59")).orElseThrow());
        assertEquals(local("2026-06-01T21:00:00"), plan.lastDue(local("2026-06-01T22:30:00")).orElseThrow(),
                "none at 22:00, in the quiet hours");
        assertEquals(local("2026-06-01T21:00:00"), plan.lastDue(local("2026-06-02T06:59:59")).orElseThrow());
        assertEquals(local("2026-06-02T07:00:00"), plan.lastDue(local("2026-06-02T07:00:00")).orElseThrow(),
                "the night's alerts at 07:00");
    }

    @Test
    void a_daily_digest_is_due_at_its_local_time() {
        DeliveryPlan plan = plan(DigestFrequency.DAILY, "08:00", "22:00", "07:00");
        assertEquals(local("2026-05-31T08:00:00"), plan.lastDue(local("2026-06-01T07:59:59")).orElseThrow());
        assertEquals(local("2026-06-01T08:00:00"), plan.lastDue(local("2026-06-01T08:00:00")).orElseThrow());
        assertEquals(local("2026-06-01T08:00:00"), plan.lastDue(local("2026-06-02T07:59:00")).orElseThrow());
        // 08:00 Asia/Shanghai is midnight UTC: the date boundary of the two zones does not matter.
        assertEquals(Instant.parse("2026-06-01T00:00:00Z"), plan.lastDue(Instant.parse("2026-06-01T12:00:00Z")).orElseThrow());
    }
}
