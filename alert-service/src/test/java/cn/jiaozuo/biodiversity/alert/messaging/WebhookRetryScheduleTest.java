package cn.jiaozuo.biodiversity.alert.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The webhook retry schedule with the production settings: the service's own application.properties
 * and the defaults of {@link AlertConfig}, read without the {@code test} profile, so a changed
 * default shows up here. Plain JUnit: the schedule is a pure function of the settings.
 */
class WebhookRetryScheduleTest {

    private static AlertConfig.Webhook production() throws IOException {
        return production(Map.of());
    }

    /** The production settings with some overridden. */
    private static AlertConfig.Webhook production(Map<String, String> overrides) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(
                        WebhookRetryScheduleTest.class.getResource("/application.properties"), 250))
                .withSources(new PropertiesConfigSource(overrides, "overrides", 400))
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus' "30s", "1h"
                .withMapping(AlertConfig.class)
                .build();
        return config.getConfigMapping(AlertConfig.class).webhook();
    }

    /** The wait after each failed try until the delivery is FAILED. */
    private static List<Duration> schedule(AlertConfig.Webhook config) {
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 100; attempt++) {
            Optional<Duration> wait = WebhookDispatcher.retryAfter(attempt, config);
            if (wait.isEmpty()) {
                return waits;
            }
            waits.add(wait.get());
        }
        throw new AssertionError("no end to the retries after 100 tries: " + waits);
    }

    @Test
    void the_production_settings_are_30s_doubling_capped_at_1h_with_10_tries() throws IOException {
        AlertConfig.Webhook config = production();
        assertEquals(Duration.ofSeconds(30), config.retryBase());
        assertEquals(Duration.ofHours(1), config.retryMax());
        assertEquals(10, config.maxAttempts());
    }

    @Test
    void a_failing_delivery_is_retried_after_30s_1_2_4_8_16_32_min_then_hourly_and_fails_after_the_10th_try()
            throws IOException {
        List<Duration> waits = schedule(production());

        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                Duration.ofHours(1)), waits, "a wait after each of tries 1–9; after try 10 there is none: FAILED");
        assertEquals(9, waits.size(), "10 tries in all");
    }

    @Test
    void the_ten_tries_span_about_three_hours() throws IOException {
        Duration span = schedule(production()).stream().reduce(Duration.ZERO, Duration::plus);

        assertEquals(Duration.ofHours(3).plusMinutes(3).plusSeconds(30), span);
        assertTrue(span.compareTo(Duration.ofHours(3)) >= 0 && span.compareTo(Duration.ofHours(4)) < 0,
                "long enough to ride out a subscriber's restart or short outage: " + span);
    }

    @Test
    void there_is_no_wait_after_the_last_try_nor_after_an_extra_one() throws IOException {
        AlertConfig.Webhook config = production();

        assertEquals(Optional.of(Duration.ofHours(1)), WebhookDispatcher.retryAfter(9, config));
        assertEquals(Optional.empty(), WebhookDispatcher.retryAfter(10, config));
        assertEquals(Optional.empty(), WebhookDispatcher.retryAfter(11, config),
                "a try beyond the last (a claim whose lease expired) also ends as FAILED");
    }

    @Test
    void with_many_tries_the_wait_stays_at_the_cap_without_overflowing() throws IOException {
        AlertConfig.Webhook config = production(Map.of("alerts.webhook.max-attempts", "100"));

        for (int attempt : new int[] {8, 31, 40, 64, 99}) {
            assertEquals(Optional.of(Duration.ofHours(1)), WebhookDispatcher.retryAfter(attempt, config),
                    "after try " + attempt);
        }
    }
}
