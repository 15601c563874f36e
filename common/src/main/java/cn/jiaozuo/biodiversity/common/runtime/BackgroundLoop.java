package cn.jiaozuo.biodiversity.common.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A named daemon thread that runs a step over and over: the one way the services do background work
 * (outbox relay, Kafka consumers, webhook dispatcher, alert stream feed, in-memory copies reloaded on a
 * timer). Its owner builds it, starts it on {@code StartupEvent} and stops it on {@code ShutdownEvent}.
 * <ul>
 * <li>A step that returns {@code true} found more work and runs again at once. After {@code false} the
 * loop waits {@link Builder#every the interval} or until {@link #wakeUp()} (e.g. after a local commit),
 * whichever comes first; a wake-up that arrives during a step is not lost.</li>
 * <li>A step that throws is retried after the {@link Backoff} of its failure streak. A wake-up does not
 * cut the back-off short: a commit per second would otherwise retry a broker that is down once per
 * commit. A streak is logged twice, at its first failure and when it ends; the retries between at debug.</li>
 * <li>{@link #stop()} ends waits and back-offs at once, runs the {@link Builder#interruptWith} action
 * (e.g. {@code KafkaConsumer.wakeup()}) to cut a blocking step short, and waits for the thread at most
 * {@link #STOP_TIMEOUT}. An exception thrown once stopping has begun is the stop, not a failure. The
 * {@link Builder#onExit} action runs on the loop's own thread after its last step, so the clients it
 * closes are never used by two threads.</li>
 * </ul>
 * The thread is never interrupted: JDBC and Kafka clients take an interrupt for a failure of their own.
 * An {@link Error} ends the loop (logged); only exceptions are retried.
 */
public final class BackgroundLoop {

    /** How long {@link #stop()} waits for the step in progress; a thread still busy after it is left to end alone. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(BackgroundLoop.class);

    /** One unit of background work. */
    @FunctionalInterface
    public interface Step {
        /** Does some work; returns true when more is waiting, so the step runs again without waiting. */
        boolean run() throws Exception;
    }

    private final String name;
    private final Duration every;
    private final Backoff backoff;
    private final boolean waitFirst;
    private final Runnable interrupter;
    private final Runnable onExit;
    private final Step step;
    private final Thread thread;
    private final Semaphore wake = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);

    private BackgroundLoop(Builder builder, Step step) {
        this.name = builder.name;
        this.every = builder.every;
        this.backoff = builder.backoff;
        this.waitFirst = builder.waitFirst;
        this.interrupter = builder.interrupter;
        this.onExit = builder.onExit;
        this.step = Objects.requireNonNull(step, "step");
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** A loop on a thread of this name (shown in thread dumps and in the loop's log lines). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The back-off of this loop, also for waits inside a step (e.g. retrying one event). */
    public Backoff backoff() {
        return backoff;
    }

    /** Starts the thread (once). */
    public synchronized void start() {
        if (thread.getState() != Thread.State.NEW) {
            throw new IllegalStateException(name + " already started");
        }
        thread.start();
    }

    /** Ends the current idle wait, or the next one: for work that has just become due (after a commit). */
    public void wakeUp() {
        wake.release();
    }

    /** False once {@link #stop()} was called: a step that loops or waits by itself checks it. */
    public boolean isRunning() {
        return stopping.getCount() > 0;
    }

    /** Waits inside a step; ends early and returns false when the loop is stopping. */
    public boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the loop and waits for its thread, at most {@link #STOP_TIMEOUT}. Harmless if never started. */
    public void stop() {
        stopAll(List.of(this));
    }

    /** Stops several loops at once, so their steps wind down side by side within one {@link #STOP_TIMEOUT}. */
    public static void stopAll(Collection<BackgroundLoop> loops) {
        loops.forEach(BackgroundLoop::signalStop);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (BackgroundLoop loop : loops) {
            loop.awaitExit(deadline);
        }
    }

    private void signalStop() {
        stopping.countDown();
        wake.release();
        if (interrupter != null) {
            try {
                interrupter.run();
            } catch (RuntimeException e) {
                LOG.debugf(e, "%s: interrupting the step failed", name);
            }
        }
    }

    private void awaitExit(long deadline) {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            // join(0) would wait forever
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            LOG.warnf("%s did not stop within %s; its daemon thread ends on its own", name, STOP_TIMEOUT);
        }
    }

    private void run() {
        try {
            if (waitFirst) {
                idle();
            }
            int failures = 0;
            while (isRunning()) {
                boolean more;
                try {
                    more = step.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    if (!isRunning()) {
                        return; // the stop cut the step short
                    }
                    failures++;
                    Duration wait = backoff.delay(failures);
                    if (failures == 1) {
                        LOG.warnf("%s failed; retrying after %d ms, doubling up to %d ms, until it works: %s", name,
                                wait.toMillis(), backoff.max().toMillis(), e.toString());
                        LOG.debugf(e, "%s failure", name);
                    } else {
                        LOG.debugf("%s failed %d times in a row; next try in %d ms: %s", name, failures, wait.toMillis(),
                                e.toString());
                    }
                    pause(wait);
                    continue;
                }
                if (failures > 0) {
                    LOG.infof("%s works again after %d failed tries", name, failures);
                    failures = 0;
                }
                if (!more) {
                    idle();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            LOG.errorf(e, "%s ended by an error", name);
        } finally {
            if (onExit != null) {
                try {
                    onExit.run();
                } catch (RuntimeException e) {
                    LOG.debugf(e, "%s: clean-up on exit failed", name);
                }
            }
        }
    }

    /** Waits the interval or for a wake-up; wake-ups that came meanwhile count as one. */
    private void idle() throws InterruptedException {
        wake.tryAcquire(every.toNanos(), TimeUnit.NANOSECONDS);
        wake.drainPermits();
    }

    /** The settings of a loop; only the step is required. */
    public static final class Builder {

        private final String name;
        private Duration every = Duration.ofSeconds(1);
        private Backoff backoff = Backoff.upTo(Duration.ofSeconds(5));
        private boolean waitFirst;
        private Runnable interrupter;
        private Runnable onExit;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The idle wait after a step that found no more work (default 1 s); {@link #wakeUp()} ends it early. */
        public Builder every(Duration every) {
            if (every.isNegative()) {
                throw new IllegalArgumentException("Negative interval: " + every);
            }
            this.every = every;
            return this;
        }

        /** The waits after failed steps (default {@link Backoff#upTo} 5 s). */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** Waits one interval before the first step: the owner did the first run itself, at startup. */
        public Builder waitFirst() {
            this.waitFirst = true;
            return this;
        }

        /** Called from the stopping thread to end a step that blocks (e.g. {@code KafkaConsumer::wakeup}). */
        public Builder interruptWith(Runnable interrupter) {
            this.interrupter = interrupter;
            return this;
        }

        /** Runs on the loop's thread after its last step: closes what the steps opened. */
        public Builder onExit(Runnable onExit) {
            this.onExit = onExit;
            return this;
        }

        /** The loop, not yet started. */
        public BackgroundLoop build(Step step) {
            return new BackgroundLoop(this, step);
        }
    }
}
