package cn.jiaozuo.biodiversity.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP webhook subscriber on a local port, as a bureau would run one: records what it
 * receives, answers with a status the test chooses, and can be stopped and started on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One received POST. */
    public record Delivery(String eventId, String signature, String body) {
    }

    private final int port;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int status = 204;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    public static WebhookReceiver start() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(freePort());
        receiver.up();
        return receiver;
    }

    public synchronized void up() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status;
            if (answer < 300) {
                received.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Alert-Event-Id"),
                        exchange.getRequestHeaders().getFirst("X-Alert-Signature"), body));
            } else {
                failures.incrementAndGet();
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    /** Stops listening: deliveries meet a refused connection. */
    public synchronized void down() {
        server.stop(0);
    }

    public void answer(int status) {
        this.status = status;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    public List<Delivery> received() {
        return List.copyOf(received);
    }

    public int failedAttempts() {
        return failures.get();
    }

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        down();
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
