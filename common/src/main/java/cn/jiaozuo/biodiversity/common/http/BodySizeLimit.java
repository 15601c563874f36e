package cn.jiaozuo.biodiversity.common.http;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 413 problem+json when a request body exceeds the limit for its path. A declared {@code Content-Length}
 * is judged before anything is read. A body without one (chunked transfer) is read here, counting the bytes as
 * they arrive, and refused as soon as it passes the limit; within the limit it is handed on in memory. Vert.x's
 * own {@code quarkus.http.limits.max-body-size} stays a higher backstop only: it answers without a body, and
 * for a chunked body only on the streaming path, so it must not be the one clients meet.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** The routing context key of a chunked body read (and counted) here. */
    static final String READ_BODY = "biodiversity.read-body";

    private final HttpLimitsConfig config;
    private final ObjectMapper json;

    public BodySizeLimit(HttpLimitsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long limit = limitFor(ctx.normalizedPath());
        String declared = request.getHeader("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > limit) {
                tooLarge(ctx, "The request body has " + length + " bytes; the limit here is " + limit + " bytes");
                return;
            }
            ctx.next();
            return;
        }
        boolean unsized = request.getHeader("Transfer-Encoding") != null
                || (request.version() == HttpVersion.HTTP_2 && !request.isEnded());
        if (!unsized) {
            ctx.next();
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return; // drained, not kept, while the 413 goes out and the connection closes
            }
            if ((long) body.length() + chunk.length() > limit) {
                refused[0] = true;
                tooLarge(ctx, "The request body has more than " + limit + " bytes, the limit here");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                ctx.put(READ_BODY, body);
                ctx.next();
            }
        });
        request.exceptionHandler(ctx::fail);
        request.resume();
    }

    private void tooLarge(RoutingContext ctx, String detail) {
        Problem problem = Problem.of(413, detail).withInstance(ctx.normalizedPath());
        try {
            ctx.response().setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(413);
        }
    }

    long limitFor(String path) {
        long limit = config.maxBodySize().asLongValue();
        for (Map.Entry<String, io.quarkus.runtime.configuration.MemorySize> entry : config.largeBodyPaths().entrySet()) {
            if (path != null && path.startsWith(entry.getKey())) {
                limit = Math.max(limit, entry.getValue().asLongValue());
            }
        }
        return limit;
    }

    /** Hands a chunked body read by {@link BodySizeLimit} to the REST layer (the connection has none left to read). */
    public static class ReadBodyFilter {

        @ServerRequestFilter(preMatching = true)
        public void useReadBody(ContainerRequestContext request, RoutingContext ctx) {
            Buffer body = ctx.get(READ_BODY);
            if (body != null) {
                request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
            }
        }
    }
}
