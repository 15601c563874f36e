package cn.jiaozuo.biodiversity.common.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * W3C trace context ({@code traceparent}) as it travels HTTP request → outbox row → Kafka header →
 * consumer → the consumer's own outbox rows. Only the OpenTelemetry API is used, so it works (and
 * carries an incoming trace on unchanged) also while the SDK is disabled.
 */
public final class TraceContext {

    /** Kafka header and W3C field name. */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContext() {
    }

    /** The traceparent of the current span, or null outside a (valid) trace. */
    public static String current() {
        return traceparentOf(Context.current());
    }

    /** The traceparent of the span in {@code context}, or null when it has none. */
    public static String traceparentOf(Context context) {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** A context whose parent span is the given traceparent; the root context for null or garbage. */
    public static Context parentOf(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
    }
}
