package cn.jiaozuo.biodiversity.common.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The background loop every service's workers run on. Plain threads, no application; every wait is on a
 * latch or queue with a generous ceiling, never a sleep. "Promptly" means well inside
 * {@link BackgroundLoop#STOP_TIMEOUT}: a stop that had to wait the timeout out fails the test.
 */
class BackgroundLoopTest {

    /** Longer than any test: a wait of this length that ended proves something ended it. */
    private static final Duration FOREVER = Duration.ofHours(1);
    private static final long CEILING_S = 10;
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private final List<BackgroundLoop> loops = new ArrayList<>();

    @AfterEach
    void stopLoops() {
        BackgroundLoop.stopAll(loops);
    }

    private BackgroundLoop.Builder loop() {
        return BackgroundLoop.named("test-loop-" + UUID.randomUUID());
    }

    private BackgroundLoop started(BackgroundLoop.Builder builder, BackgroundLoop.Step step) {
        BackgroundLoop loop = builder.build(step);
        loops.add(loop);
        loop.start();
        return loop;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(CEILING_S, TimeUnit.SECONDS), "not reached within " + CEILING_S + " s");
    }

    private static void await(Semaphore runs) throws InterruptedException {
        assertTrue(runs.tryAcquire(CEILING_S, TimeUnit.SECONDS), "no run within " + CEILING_S + " s");
    }

    @Test
    void the_step_runs_at_start_and_again_when_woken_up() throws InterruptedException {
        Semaphore runs = new Semaphore(0);
        BackgroundLoop loop = started(loop().every(FOREVER), () -> {
            runs.release();
            return false;
        });

        await(runs);
        loop.wakeUp();
        await(runs);
        loop.wakeUp();
        await(runs);
    }

    @Test
    void a_wake_up_during_a_step_is_not_lost() throws InterruptedException {
        CountDownLatch inFirstRun = new CountDownLatch(1);
        CountDownLatch finishFirstRun = new CountDownLatch(1);
        CountDownLatch secondRun = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        BackgroundLoop loop = started(loop().every(FOREVER), () -> {
            if (runs.incrementAndGet() == 1) {
                inFirstRun.countDown();
                finishFirstRun.await();
            } else {
                secondRun.countDown();
            }
            return false;
        });

        await(inFirstRun);
        loop.wakeUp(); // e.g. a commit while the relay is publishing the previous batch
        finishFirstRun.countDown();
        await(secondRun);
    }

    @Test
    void a_step_that_found_more_work_runs_again_without_waiting() throws InterruptedException {
        CountDownLatch fourthRun = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        started(loop().every(FOREVER), () -> {
            if (runs.incrementAndGet() == 4) {
                fourthRun.countDown();
            }
            return runs.get() < 4;
        });

        await(fourthRun);
    }

    @Test
    void wait_first_leaves_the_first_run_to_the_interval_or_a_wake_up() throws InterruptedException {
        AtomicBoolean woken = new AtomicBoolean();
        BlockingQueue<Boolean> runs = new LinkedBlockingQueue<>();
        BackgroundLoop loop = started(loop().every(FOREVER).waitFirst(), () -> {
            runs.add(woken.get());
            return false;
        });

        woken.set(true);
        loop.wakeUp();
        assertEquals(Boolean.TRUE, runs.poll(CEILING_S, TimeUnit.SECONDS), "the first run came after the wake-up");
    }

    @Test
    void exceptions_in_the_step_do_not_end_the_loop() throws InterruptedException {
        List<Exception> failures = List.of(new IllegalStateException("broker down"), new IOException("checked"),
                new RuntimeException("database down"));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch worked = new CountDownLatch(1);
        started(loop().every(FOREVER).backoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(2))), () -> {
            int run = runs.getAndIncrement();
            if (run < failures.size()) {
                throw failures.get(run);
            }
            worked.countDown();
            return false;
        });

        await(worked);
        assertEquals(failures.size() + 1, runs.get());
    }

    @Test
    void a_wake_up_does_not_cut_the_back_off_short() throws InterruptedException {
        Duration backoff = Duration.ofMillis(300);
        BlockingQueue<Long> runs = new LinkedBlockingQueue<>();
        AtomicInteger count = new AtomicInteger();
        BackgroundLoop loop = started(loop().every(FOREVER).backoff(new Backoff(backoff, backoff)), () -> {
            runs.add(System.nanoTime());
            if (count.incrementAndGet() == 1) {
                throw new IllegalStateException("down");
            }
            return false;
        });

        Long failed = runs.poll(CEILING_S, TimeUnit.SECONDS);
        assertNotNull(failed);
        for (int i = 0; i < 5; i++) {
            loop.wakeUp();
        }
        Long retried = runs.poll(CEILING_S, TimeUnit.SECONDS);
        assertNotNull(retried);
        assertTrue(retried - failed >= backoff.toNanos(),
                "retried after " + Duration.ofNanos(retried - failed).toMillis() + " ms, before the back-off ended");
    }

    @Test
    void a_failure_streak_is_logged_once_and_its_end_once() throws InterruptedException {
        String name = "test-loop-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch afterRecovery = new CountDownLatch(1);
        try (LogCapture log = new LogCapture(name)) {
            started(BackgroundLoop.named(name).every(FOREVER).backoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(2))), () -> {
                int run = runs.incrementAndGet();
                if (run <= 5) {
                    throw new IllegalStateException("down " + run);
                }
                if (run == 7) {
                    afterRecovery.countDown(); // run 6 worked, and its recovery line was written before run 7
                }
                return run < 7;
            });

            await(afterRecovery);
            assertEquals(1, log.count(Level.WARNING), "one warning for five failures: " + log.records);
            assertEquals(1, log.count(Level.INFO), "one line when it works again: " + log.records);
        }
    }

    @Test
    void a_stop_during_the_back_off_returns_promptly() throws InterruptedException {
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch exited = new CountDownLatch(1);
        BackgroundLoop loop = started(loop().backoff(new Backoff(FOREVER, FOREVER)).onExit(exited::countDown), () -> {
            failed.countDown();
            throw new IllegalStateException("down");
        });

        await(failed);
        assertTimeoutPreemptively(PROMPTLY, loop::stop);
        assertEquals(0, exited.getCount(), "the thread ended (and ran its clean-up) before stop returned");
        assertFalse(loop.isRunning());
    }

    @Test
    void a_stop_during_the_idle_wait_returns_promptly() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        CountDownLatch exited = new CountDownLatch(1);
        BackgroundLoop loop = started(loop().every(FOREVER).onExit(exited::countDown), () -> {
            ran.countDown();
            return false;
        });

        await(ran);
        assertTimeoutPreemptively(PROMPTLY, loop::stop);
        assertEquals(0, exited.getCount());
    }

    @Test
    void a_stop_cuts_a_blocking_step_short_through_its_interrupt_and_is_no_failure() throws InterruptedException {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        CountDownLatch exited = new CountDownLatch(1);
        String name = "test-loop-" + UUID.randomUUID();
        try (LogCapture log = new LogCapture(name)) {
            BackgroundLoop loop = started(BackgroundLoop.named(name).interruptWith(unblock::countDown).onExit(exited::countDown), () -> {
                blocked.countDown();
                if (!unblock.await(FOREVER.toSeconds(), TimeUnit.SECONDS)) {
                    return false;
                }
                throw new IllegalStateException("woken up"); // as KafkaConsumer.poll throws WakeupException
            });

            await(blocked);
            assertTimeoutPreemptively(PROMPTLY, loop::stop);
            assertEquals(0, exited.getCount());
            assertEquals(0, log.count(Level.WARNING), "stopping is not a failure: " + log.records);
        }
    }

    @Test
    void a_pause_inside_a_step_ends_when_the_loop_stops() throws InterruptedException {
        AtomicReference<BackgroundLoop> self = new AtomicReference<>();
        CountDownLatch pausing = new CountDownLatch(1);
        CompletableFuture<Boolean> pauseResult = new CompletableFuture<>();
        BackgroundLoop loop = loop().build(() -> {
            pausing.countDown();
            pauseResult.complete(self.get().pause(FOREVER));
            return false;
        });
        self.set(loop);
        loops.add(loop);
        loop.start();

        await(pausing);
        assertTimeoutPreemptively(PROMPTLY, loop::stop);
        assertEquals(Boolean.FALSE, pauseResult.getNow(null), "the pause reports that the loop is stopping");
    }

    @Test
    void several_loops_stop_together_and_a_loop_never_started_stops_quietly() {
        CountDownLatch exited = new CountDownLatch(2);
        List<BackgroundLoop> both = List.of(
                started(loop().every(FOREVER).onExit(exited::countDown), () -> false),
                started(loop().backoff(new Backoff(FOREVER, FOREVER)).onExit(exited::countDown), () -> {
                    throw new IllegalStateException("down");
                }));
        BackgroundLoop neverStarted = loop().build(() -> false);

        assertTimeoutPreemptively(PROMPTLY, () -> BackgroundLoop.stopAll(both));
        assertEquals(0, exited.getCount());
        assertTimeoutPreemptively(PROMPTLY, neverStarted::stop);
        assertTimeoutPreemptively(PROMPTLY, () -> both.get(0).stop()); // a second stop changes nothing
    }

    /** The loop's log lines about one loop (they name it). */
    private static final class LogCapture extends Handler implements AutoCloseable {

        private final Logger logger = Logger.getLogger(BackgroundLoop.class.getName());
        private final String name;
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        LogCapture(String name) {
            this.name = name;
            logger.addHandler(this);
        }

        long count(Level level) {
            return records.stream().filter(r -> r.getLevel().intValue() == level.intValue()).count();
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().contains(name)) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
