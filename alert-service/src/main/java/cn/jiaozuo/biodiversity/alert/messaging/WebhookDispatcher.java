package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.common.runtime.Backoff;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import cn.jiaozuo.biodiversity.alert.domain.Channel;
import cn.jiaozuo.biodiversity.alert.domain.Subscription;
import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mailer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
                select id, last_attempt_at as previous from webhook_delivery
                where status = 'PENDING' and next_attempt_at <= now()
                order by next_attempt_at
                limit ?
                for update skip locked)
            update webhook_delivery d
               set attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + ?::interval
              from due, subscription s
             where d.id = due.id and s.id = d.subscription_id
            returning d.id, d.event_id, d.event_type, d.payload, d.attempts, s.webhook_url, s.webhook_secret, s.channel,
                      due.previous, s.email_recipients
            """;

    private final AgroalDataSource dataSource;
    private final AlertConfig.Webhook config;
    private final AlertConfig.Channels channels;
    private final ObjectMapper json;
    private final RobotRateLimiter limiter = new RobotRateLimiter();
    private final Mailer mailer;
    private final MeterRegistry registry;
    private final ReceiverAddressPolicy policy;
    private final ReceiverResolver resolver;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile BackgroundLoop loop;
    private ExecutorService senders;
    private ScheduledExecutorService deadlines;
    private CloseableHttpClient http;

    public WebhookDispatcher(AgroalDataSource dataSource, AlertConfig config, MeterRegistry registry,
            ReceiverAddressPolicy policy, ReceiverResolver resolver, ObjectMapper json, Mailer mailer) {
        this.mailer = mailer;
        this.dataSource = dataSource;
        this.config = config.webhook();
        this.channels = config.channels();
        this.json = json;
        this.registry = registry;
        this.policy = policy;
        this.resolver = resolver;
        registry.gauge("webhook.deliveries.in.flight", inFlight);
    }

    void start(@Observes StartupEvent event) {
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
        if (!config.enabled()) {
            return; // test deliveries are still sent, by the request's thread
        }
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
        }
        if (http != null) {
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
            String secret, Channel channel, Timestamp previousAttempt, String recipients) {
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
                            rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                            Channel.valueOf(rs.getString(8)), rs.getTimestamp(9), rs.getString(10)));
                }
            }
        }
        return claimed;
    }

    private void send(Claimed delivery) {
        if (delivery.channel().isRobot()) {
            Instant now = Instant.now();
            limiter.prune(delivery.channel().rateWindow(), now);
            Optional<Instant> room = limiter.reserve(delivery.url(), delivery.channel().perMinute(),
                    delivery.channel().rateWindow(), now);
            if (room.isPresent()) {
                putBack(delivery, room.get());
                return;
            }
        }
        Sent sent = delivery.channel() == Channel.EMAIL
                ? mail(delivery.recipients(), delivery.eventType(), delivery.payload())
                : exchange(delivery.channel(), delivery.url(), delivery.secret(), delivery.eventId(),
                        delivery.eventType(), delivery.payload());
        if (sent == null) {
            return; // shutting down: the lease expires and another try follows
        }
        if (sent.failure() != null) {
            LOG.debugf("Delivery %s try %d failed: %s", delivery.id(), delivery.attempts(), sent.failure().error());
        }
        try {
            record(delivery, sent);
        } catch (SQLException e) {
            // The lease expires and the delivery is retried: at-least-once, receivers dedupe by event id.
            LOG.warnf("Outcome of delivery %s not stored: %s", delivery.id(), e.toString());
        }
    }

    /** The outcome of one try: the HTTP status (null without an answer) and the failure, null when delivered. */
    record Sent(Integer status, RobotAnswer.Failure failure) {
    }

    /**
     * One try: a webhook gets the signed envelope, a robot its message. Null when interrupted (shutting down).
     * A robot's answer is read (at most 16 KB) for its error code; a webhook's is closed unread.
     */
    Sent exchange(Channel channel, String url, String secret, UUID eventId, String eventType, String payload) {
        Integer status = null;
        HttpPost post = null;
        ScheduledFuture<?> deadline = null;
        try {
            if (channel.isRobot()) {
                RobotMessages.RobotRequest request = RobotMessages.request(channel, url, secret,
                        text(channel, eventType, payload), System.currentTimeMillis());
                post = new HttpPost(request.uri());
                post.setEntity(new StringEntity(request.body(), ContentType.APPLICATION_JSON));
            } else {
                post = new HttpPost(URI.create(url));
                post.setHeader(HEADER_EVENT_ID, eventId.toString());
                post.setHeader(HEADER_EVENT_TYPE, eventType);
                post.setHeader(HEADER_SIGNATURE, sign(payload, secret));
                post.setEntity(new StringEntity(payload, ContentType.APPLICATION_JSON));
            }
            // The whole exchange, not each read: a receiver trickling bytes must not hold a sender longer.
            deadline = deadlines.schedule(post::cancel, config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            String answer = null;
            // A webhook's answer is closed unread: the body is of no interest and the connection is discarded.
            try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
                status = response.getCode();
                if (channel.isRobot() && response.getEntity() != null) {
                    try (InputStream in = response.getEntity().getContent()) {
                        answer = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
                    }
                }
            }
            return new Sent(status, RobotAnswer.interpret(channel, status, answer));
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
            LOG.debugf("No answer from the %s receiver: %s", channel, e);
            return new Sent(null, new RobotAnswer.Failure(UNREACHABLE, true));
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /** What people read of a delivery: an alert event's facts, a digest's list, or a bulletin's links. */
    RobotMessages.AlertText text(Channel channel, String eventType, String payload) throws IOException {
        JsonNode data = json.readTree(payload).get("data");
        if (AlertDigest.EVENT_TYPE.equals(eventType)) {
            return DigestMessages.text(json.treeToValue(data, AlertDigest.class), channels.consoleUrl(),
                    DigestMessages.maxBytes(channel));
        }
        if (cn.jiaozuo.biodiversity.common.events.EventTypes.BULLETIN_PUBLISHED.equals(eventType)) {
            return json.treeToValue(data, BulletinNotice.class).text();
        }
        return RobotMessages.text(eventType, json.treeToValue(data, AlertSnapshot.class), channels.consoleUrl());
    }

    /** The event type of a test message (POST /subscriptions/{id}/test): receivers should not act on it. */
    public static final String TEST_EVENT_TYPE = "SubscriptionTest";

    /**
     * Sends a sample alert (a CRITICAL 美国白蛾 in 解放区, marked as a test) to the subscription at once, by the
     * caller's thread, and logs it as a TEST delivery: one try, never retried. The robot's rate limit counts it.
     *
     * @return the logged delivery's id
     */
    public UUID sendTest(Subscription subscription) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AlertSnapshot sample = new AlertSnapshot(UUID.randomUUID(), "INVASIVE_SPECIES", "CRITICAL", "OPEN", null,
                "Hyphantria cunea", "美国白蛾", "INSECT", "410802", null, 1, now.atOffset(ZoneOffset.UTC),
                now.atOffset(ZoneOffset.UTC), new AlertSnapshot.AlertLocation(35.2, 113.2, null, true), null,
                "测试消息，请忽略 (a test message, no alert)", now, now, null, null, null);
        EventEnvelope<AlertSnapshot> envelope = new EventEnvelope<>(UUID.randomUUID(), TEST_EVENT_TYPE, now,
                "alert-service", sample);
        String payload;
        try {
            payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Sent sent;
        Optional<Instant> room = subscription.channel.isRobot()
                ? limiter.reserve(subscription.webhookUrl, subscription.channel.perMinute(),
                        subscription.channel.rateWindow(), now)
                : Optional.empty();
        if (room.isPresent()) {
            sent = new Sent(null, new RobotAnswer.Failure("rate limit of the robot reached: try again after "
                    + room.get().truncatedTo(ChronoUnit.SECONDS), false));
        } else {
            sent = subscription.channel == Channel.EMAIL ? mail(subscription.emailRecipients, TEST_EVENT_TYPE, payload)
                    : exchange(subscription.channel, subscription.webhookUrl, subscription.webhookSecret,
                            envelope.eventId(), TEST_EVENT_TYPE, payload);
            if (sent == null) {
                sent = new Sent(null, new RobotAnswer.Failure(UNREACHABLE, false));
            }
        }
        UUID id = UUID.randomUUID();
        boolean delivered = sent.failure() == null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("insert into webhook_delivery (id,"
                        + " subscription_id, alert_id, kind, event_id, event_type, payload, status, attempts,"
                        + " next_attempt_at, last_attempt_at, last_status, last_error, delivered_at, created_at)"
                        + " values (?, ?, null, 'TEST', ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)")) {
            Timestamp at = Timestamp.from(now);
            statement.setObject(1, id);
            statement.setObject(2, subscription.id);
            statement.setObject(3, envelope.eventId());
            statement.setString(4, TEST_EVENT_TYPE);
            statement.setString(5, payload);
            statement.setString(6, delivered ? "DELIVERED" : "FAILED");
            statement.setTimestamp(7, at);
            statement.setTimestamp(8, at);
            if (sent.status() == null) {
                statement.setNull(9, java.sql.Types.INTEGER);
            } else {
                statement.setInt(9, sent.status());
            }
            statement.setString(10, delivered ? null : sent.failure().error());
            statement.setTimestamp(11, delivered ? Timestamp.from(Instant.now()) : null);
            statement.setTimestamp(12, at);
            statement.executeUpdate();
        }
        registry.counter("webhook.deliveries", "outcome", delivered ? "test-delivered" : "test-failed").increment();
        return id;
    }

    /** The one error kind of an e-mail the SMTP server did not take (the detail is logged at DEBUG). */
    public static final String MAIL_REFUSED = "mail server did not accept the message";

    /** One try of an e-mail: handed to the SMTP server (quarkus.mailer.*), or a retried failure. */
    Sent mail(String recipients, String eventType, String payload) {
        try {
            mailer.send(MailMessages.mail(List.of(recipients.split(",")), text(Channel.EMAIL, eventType, payload)));
            return new Sent(null, null);
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
            LOG.debugf("E-mail not accepted: %s", e);
            return new Sent(null, new RobotAnswer.Failure(MAIL_REFUSED, true));
        }
    }

    /** Over the robot's rate limit: back in the queue until it has room, the try not counted. */
    private void putBack(Claimed delivery, Instant when) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("update webhook_delivery set attempts ="
                        + " attempts - 1, last_attempt_at = ?, next_attempt_at = ? where id = ?")) {
            statement.setTimestamp(1, delivery.previousAttempt());
            statement.setTimestamp(2, Timestamp.from(when));
            statement.setObject(3, delivery.id());
            statement.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Delivery %s not put back after the rate limit: %s", delivery.id(), e.toString());
        }
        registry.counter("webhook.deliveries.rate.limited", "channel", delivery.channel().name()).increment();
    }

    private void record(Claimed delivery, Sent sent) throws SQLException {
        String sql;
        Instant next = null;
        Integer status = sent.status();
        String error = sent.failure() == null ? null : sent.failure().error();
        Optional<Duration> retry = sent.failure() != null && !sent.failure().retry() ? Optional.empty()
                : retryAfter(delivery.attempts(), config);
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
    }
}
