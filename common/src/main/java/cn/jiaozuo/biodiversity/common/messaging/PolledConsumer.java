package cn.jiaozuo.biodiversity.common.messaging;

import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.jboss.logging.Logger;

/**
 * The Kafka consumer a {@link BackgroundLoop} polls: opened by the first step that needs it, closed when
 * a step fails (the next step opens a fresh one, so a broken connection or position is never reused) and
 * when the loop ends. Only the loop's thread uses it; {@link #wakeup()}, the one call a
 * {@code KafkaConsumer} takes from another thread, is the loop's {@code interruptWith} action.
 *
 * @param <C> the consumer type ({@code KafkaConsumer}; a {@code MockConsumer} in tests)
 */
public final class PolledConsumer<C extends Consumer<?, ?>> {

    private static final Logger LOG = Logger.getLogger(PolledConsumer.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final Supplier<C> create;
    private final Function<C, AutoCloseable> prepare;
    private volatile C consumer;
    private AutoCloseable attached;

    /**
     * @param create  builds a consumer
     * @param prepare subscribes or assigns the new consumer; returns what to close with it (its metrics), or null
     */
    public PolledConsumer(String name, Supplier<C> create, Function<C, AutoCloseable> prepare) {
        this.name = name;
        this.create = create;
        this.prepare = prepare;
    }

    /** Runs {@code work} with the consumer, opening one if needed; a failure closes it and is rethrown. */
    public <T> T use(Function<? super C, T> work) {
        try {
            C c = consumer;
            if (c == null) {
                c = create.get();
                consumer = c; // from here a stop can wake it, and a failure closes it
                attached = prepare.apply(c);
            }
            return work.apply(c);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Ends a poll in progress (or the next one) with a {@code WakeupException}: the loop is stopping. */
    public void wakeup() {
        C c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** Closes the consumer and what came with it; the next {@link #use} opens a new one. */
    public void close() {
        AutoCloseable extra = attached;
        attached = null;
        C c = consumer;
        consumer = null;
        closeQuietly(extra);
        closeQuietly(c == null ? null : () -> c.close(CloseOptions.timeout(CLOSE_TIMEOUT)));
    }

    private void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf("Consumer %s not closed cleanly: %s", name, e);
            }
        }
    }
}
