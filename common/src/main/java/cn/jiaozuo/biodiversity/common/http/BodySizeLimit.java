package cn.jiaozuo.biodiversity.common.http;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Answers 413 problem+json when a declared {@code Content-Length} exceeds the limit for the path.
 * Vert.x's own {@code quarkus.http.limits.max-body-size} stays as a higher backstop (it answers
 * without a body, so it must not be the one clients normally meet).
 */
@ApplicationScoped
public class BodySizeLimit {

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
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            long limit = limitFor(ctx.normalizedPath());
            if (length > limit) {
                Problem problem = Problem.of(413, "The request body has " + length + " bytes; the limit here is "
                        + limit + " bytes").withInstance(ctx.normalizedPath());
                try {
                    ctx.response().setStatusCode(413)
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close")
                            .end(json.writeValueAsString(problem));
                } catch (JsonProcessingException e) {
                    ctx.fail(413);
                }
                return;
            }
        }
        ctx.next();
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
}
