package cn.jiaozuo.biodiversity.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real subscriber endpoint on a free local port: records every request and answers with the
 * configured status codes (the last one repeats), or holds requests until released (a slow subscriber).
 * It listens on 127.0.0.1 (which the test profile allows as an on-premise receiver) unless told otherwise.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final List<Integer> statuses;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch hold;
    private final String address;

    private WebhookReceiver(String address, List<Integer> statuses, boolean slow, Map<String, String> answerHeaders) {
        this.address = address;
        this.statuses = statuses;
        this.hold = new CountDownLatch(slow ? 1 : 0);
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            int call = calls.getAndIncrement();
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = statuses.get(Math.min(call, statuses.size() - 1));
            answerHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Answers with these statuses in turn, repeating the last. */
    static WebhookReceiver answering(Integer... statuses) {
        return new WebhookReceiver("127.0.0.1", List.of(statuses), false, Map.of());
    }

    /** Listens on another loopback address (127.0.0.2 …), which the test profile does not allow. */
    static WebhookReceiver answeringOn(String address, Integer... statuses) {
        return new WebhookReceiver(address, List.of(statuses), false, Map.of());
    }

    /** Answers 302 with a Location header. */
    static WebhookReceiver redirectingTo(String location) {
        return new WebhookReceiver("127.0.0.1", List.of(302), false, Map.of("Location", location));
    }

    /** Accepts requests but answers only after {@link #close()}. */
    static WebhookReceiver hanging() {
        return new WebhookReceiver("127.0.0.1", List.of(200), true, Map.of());
    }

    String url() {
        return url(address);
    }

    /** The hook's URL with another host name for this receiver's port (see {@code FakeReceiverResolver}). */
    String url(String host) {
        return "http://" + host + ":" + port() + "/hook";
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
