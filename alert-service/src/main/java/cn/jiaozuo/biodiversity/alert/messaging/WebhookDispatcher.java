package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jboss.logging.Logger;

/**
 * Sends webhook deliveries. A loop claims due rows ({@code FOR UPDATE SKIP LOCKED}, so several
 * replicas share the work) and hands each to its own sender thread; the claim pushes
 * {@code next_attempt_at} past the request timeout, so a crash mid-send only means a later retry.
 * Slow or dead subscribers cost one sender each for at most the request timeout and never touch the
 * Kafka consumer, which only inserts rows.
 * <p>
 * Receivers are reached only at addresses {@link ReceiverAddressPolicy} allows: the HTTP client resolves
 * names through {@link #vetting}, so the address actually connected to is the one checked (a name that
 * resolves to 127.0.0.1 by the time of delivery is refused), while Host and TLS keep the name. Redirects
 * are not followed, and a failure without an HTTP answer is recorded only as {@link #UNREACHABLE}: which
 * of refused, timed out, unknown name or refused by policy would tell a bureau user what listens inside
 * the network.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    public static final String HEADER_EVENT_ID = "X-Alert-Event-Id";
    public static final String HEADER_EVENT_TYPE = "X-Alert-Event-Type";
    public static final String HEADER_SIGNATURE = "X-Alert-Signature";
    /** The longest pause of the claiming loop while the database is unreachable. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** The one error kind of a try that got no HTTP answer. */
    public static final String UNREACHABLE = "receiver unreachable";

    private static final String CLAIM = """
            with due as (
                select id from webhook_delivery
                where status = 'PENDING' and next_attempt_at <= now()
                order by next_attempt_at
                limit ?
                for update skip locked)
            update webhook_delivery d
               set attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + ?::interval
              from due, subscription s
             where d.id = due.id and s.id = d.subscription_id
            returning d.id, d.event_id, d.event_type, d.payload, d.attempts, s.webhook_url, s.webhook_secret
            """;

    private final AgroalDataSource dataSource;
    private final AlertConfig.Webhook config;
    private final MeterRegistry registry;
    private final ReceiverAddressPolicy policy;
    private final ReceiverResolver resolver;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile BackgroundLoop loop;
    private ExecutorService senders;
    private ScheduledExecutorService deadlines;
    private CloseableHttpClient http;

    public WebhookDispatcher(AgroalDataSource dataSource, AlertConfig config, MeterRegistry registry,
            ReceiverAddressPolicy policy, ReceiverResolver resolver) {
        this.dataSource = dataSource;
        this.config = config.webhook();
        this.registry = registry;
        this.policy = policy;
        this.resolver = resolver;
        registry.gauge("webhook.deliveries.in.flight", inFlight);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Timeout connect = Timeout.of(config.connectTimeout());
        Timeout request = Timeout.of(config.requestTimeout());
        // No system properties: no proxy, so the vetted address is the one connected to.
        http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(vetting)
                        .setMaxConnTotal(config.senders())
                        .setMaxConnPerRoute(config.senders())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(request).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(request)
                        .setResponseTimeout(request).setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("jiaozuo-alert-service")
                .build();
        deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-deadlines");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(config.senders(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = BackgroundLoop.named("webhook-dispatcher")
                .every(config.pollInterval())
                .backoff(Backoff.upTo(MAX_BACKOFF))
                .build(this::dispatchDue);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop(); // first: no new claims for the senders shut down next
        }
        if (senders != null) {
            senders.shutdownNow();
            deadlines.shutdownNow();
            try {
                http.close();
            } catch (IOException e) {
                LOG.debugf("Webhook client not closed cleanly: %s", e);
            }
        }
    }

    /** Resolves receivers' names and refuses the whole name when any of its addresses is not allowed. */
    private final DnsResolver vetting = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = resolver.resolve(host);
            for (InetAddress address : addresses) {
                if (!policy.mayConnect(host, address)) {
                    throw new UnknownHostException(host + " resolves to a non-public address "
                            + ReceiverAddressPolicy.kind(address).orElse(""));
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // only used for Kerberos, never here
        }
    };

    /** Called after a commit that wrote deliveries, and when a sender frees up. */
    public void wakeUp() {
        BackgroundLoop dispatcher = loop;
        if (dispatcher != null) {
            dispatcher.wakeUp();
        }
    }

    /** The signature header value: {@code sha256=} and the hex HMAC-SHA256 of the body with the secret. */
    public static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The retry schedule: after try {@code attempt} (1-based) failed, the wait before the next try —
     * {@code retry-base · 2^(attempt-1)}, capped at {@code retry-max} — or empty when that was the last
     * try ({@code max-attempts}) and the delivery is FAILED.
     */
    static Optional<Duration> retryAfter(int attempt, AlertConfig.Webhook config) {
        if (attempt >= config.maxAttempts()) {
            return Optional.empty();
        }
        return Optional.of(new Backoff(config.retryBase(), config.retryMax()).delay(attempt));
    }

    /** Claims a due delivery for each free sender; true when it found one for each, so more may be due. */
    private boolean dispatchDue() throws SQLException {
        int free = config.senders() - inFlight.get();
        return free > 0 && dispatch(free) >= free;
    }

    private record Claimed(UUID id, UUID eventId, String eventType, String payload, int attempts, String url,
            String secret) {
    }

    private int dispatch(int max) throws SQLException {
        List<Claimed> claimed = claim(max);
        for (Claimed delivery : claimed) {
            inFlight.incrementAndGet();
            senders.execute(() -> {
                try {
                    send(delivery);
                } finally {
                    inFlight.decrementAndGet();
                    wakeUp();
                }
            });
        }
        return claimed.size();
    }

    private List<Claimed> claim(int max) throws SQLException {
        Duration lease = config.requestTimeout().plus(config.connectTimeout()).plusSeconds(30);
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setInt(1, max);
            statement.setString(2, lease.toMillis() + " milliseconds");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return claimed;
    }

    private void send(Claimed delivery) {
        Integer status = null;
        String error = null;
        HttpPost post = null;
        ScheduledFuture<?> deadline = null;
        try {
            post = new HttpPost(URI.create(delivery.url()));
            post.setHeader(HEADER_EVENT_ID, delivery.eventId().toString());
            post.setHeader(HEADER_EVENT_TYPE, delivery.eventType());
            post.setHeader(HEADER_SIGNATURE, sign(delivery.payload(), delivery.secret()));
            post.setEntity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON));
            // The whole exchange, not each read: a receiver trickling bytes must not hold a sender longer.
            deadline = deadlines.schedule(post::cancel, config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            // Closed unread: the body is of no interest and the connection is discarded rather than drained.
            try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
                status = response.getCode();
            }
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // shutting down: the lease expires and another try follows
            }
            status = null;
            error = UNREACHABLE;
            LOG.debugf("Delivery %s try %d: no answer from the receiver: %s", delivery.id(), delivery.attempts(), e);
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
        try {
            record(delivery, status, error);
        } catch (SQLException e) {
            // The lease expires and the delivery is retried: at-least-once, receivers dedupe by event id.
            LOG.warnf("Outcome of delivery %s not stored: %s", delivery.id(), e.toString());
        }
    }

    private void record(Claimed delivery, Integer status, String error) throws SQLException {
        String sql;
        Instant next = null;
        Optional<Duration> retry = retryAfter(delivery.attempts(), config);
        String outcome = error == null ? "delivered" : retry.isEmpty() ? "failed" : "retry";
        if (error == null) {
            sql = "update webhook_delivery set status = 'DELIVERED', delivered_at = now(), last_status = ?,"
                    + " last_error = null where id = ?";
        } else if (retry.isEmpty()) {
            sql = "update webhook_delivery set status = 'FAILED', last_status = ?, last_error = ? where id = ?";
        } else {
            next = Instant.now().plus(retry.get());
            sql = "update webhook_delivery set last_status = ?, last_error = ?, next_attempt_at = ? where id = ?";
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (status == null) {
                statement.setNull(i++, java.sql.Types.INTEGER);
            } else {
                statement.setInt(i++, status);
            }
            if (error != null) {
                statement.setString(i++, error.length() > 500 ? error.substring(0, 500) : error);
            }
            if (next != null) {
                statement.setTimestamp(i++, Timestamp.from(next));
            }
            statement.setObject(i, delivery.id());
            statement.executeUpdate();
        }
        registry.counter("webhook.deliveries", "outcome", outcome).increment();
        if (error != null) {
            LOG.debugf("Delivery %s try %d failed: %s", delivery.id(), delivery.attempts(), error);
        }
    }
}
