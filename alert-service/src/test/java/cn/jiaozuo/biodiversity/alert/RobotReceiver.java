package cn.jiaozuo.biodiversity.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat robot's webhook on a free local port (127.0.0.1, allowed by the test profile): records each request with
 * its query and answers HTTP 200 with the robot's JSON bodies in turn (the last repeats), as WeCom, DingTalk and
 * Feishu answer: {@code {"errcode":0,"errmsg":"ok"}}, {@code {"errcode":93000,…}}, {@code {"code":0,…}}.
 */
final class RobotReceiver implements AutoCloseable {

    static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    static final String FEISHU_OK = "{\"code\":0,\"data\":{},\"msg\":\"success\"}";

    record Received(URI uri, String contentType, String body) {
        /** The decoded query parameters. */
        Map<String, String> query() {
            Map<String, String> params = new LinkedHashMap<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            return params;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final List<String> answers;
    private final AtomicInteger calls = new AtomicInteger();

    private RobotReceiver(List<String> answers) {
        this.answers = answers;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/robot", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            String answer = answers.get(Math.min(calls.getAndIncrement(), answers.size() - 1));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Answers these bodies in turn, repeating the last. */
    static RobotReceiver answering(String... answers) {
        return new RobotReceiver(List.of(answers));
    }

    /** The robot's address at this receiver, e.g. {@code path} "/robot/send?access_token=t". */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
