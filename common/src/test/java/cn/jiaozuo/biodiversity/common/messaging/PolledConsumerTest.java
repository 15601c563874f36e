package cn.jiaozuo.biodiversity.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.Test;

/** The consumer a background loop polls: opened once, replaced after a failure, woken by a stop. */
class PolledConsumerTest {

    private final List<MockConsumer<String, String>> opened = new ArrayList<>();
    private final AtomicInteger attachmentsClosed = new AtomicInteger();
    private final PolledConsumer<MockConsumer<String, String>> polled = new PolledConsumer<>("test",
            () -> {
                MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
                opened.add(consumer);
                return consumer;
            },
            consumer -> {
                consumer.subscribe(List.of("events"));
                return attachmentsClosed::incrementAndGet;
            });

    @Test
    void the_consumer_is_opened_by_the_first_use_and_kept() {
        MockConsumer<String, String> first = polled.use(c -> c);
        MockConsumer<String, String> second = polled.use(c -> c);

        assertSame(first, second);
        assertEquals(1, opened.size());
        assertEquals(List.of("events"), List.copyOf(first.subscription()));
    }

    @Test
    void a_failure_closes_the_consumer_and_what_came_with_it_and_the_next_use_opens_a_fresh_one() {
        MockConsumer<String, String> broken = polled.use(c -> c);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> polled.use(c -> {
            throw new IllegalStateException("broker gone");
        }));

        assertEquals("broker gone", failure.getMessage());
        assertTrue(broken.closed());
        assertEquals(1, attachmentsClosed.get());
        MockConsumer<String, String> fresh = polled.use(c -> c);
        assertFalse(fresh.closed());
        assertEquals(2, opened.size());
    }

    @Test
    void a_wake_up_ends_the_poll_and_closes_the_consumer() {
        MockConsumer<String, String> consumer = polled.use(c -> c);

        polled.wakeup();

        assertThrows(WakeupException.class, () -> polled.use(c -> c.poll(Duration.ofMillis(10))));
        assertTrue(consumer.closed());
    }

    @Test
    void waking_or_closing_without_a_consumer_does_nothing() {
        polled.wakeup();
        polled.close();

        assertEquals(0, opened.size());
        assertEquals(0, attachmentsClosed.get());
    }
}
