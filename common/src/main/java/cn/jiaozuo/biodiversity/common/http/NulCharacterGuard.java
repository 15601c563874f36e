package cn.jiaozuo.biodiversity.common.http;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/**
 * Refuses a NUL character (U+0000) in the path or a query parameter with a 400 problem: PostgreSQL
 * cannot store or compare it in text, so it would otherwise surface as a database error deep inside.
 */
@ApplicationScoped
public class NulCharacterGuard {

    private final ObjectMapper json;

    public NulCharacterGuard(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 11).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String field = null;
        String path = ctx.normalizedPath();
        if (path != null && path.indexOf('\0') >= 0) {
            field = "path";
        } else {
            try {
                for (Map.Entry<String, String> param : ctx.queryParams().entries()) {
                    if (param.getKey().indexOf('\0') >= 0 || param.getValue().indexOf('\0') >= 0) {
                        field = param.getKey().replace("\0", "");
                        break;
                    }
                }
            } catch (RuntimeException malformed) {
                field = "query";
            }
        }
        if (field == null) {
            ctx.next();
            return;
        }
        Problem problem = Problem.of(400, "The request has an invalid field",
                List.of(new Problem.Violation(field, "must not contain NUL characters"))).withInstance(path);
        try {
            ctx.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(400);
        }
    }
}
