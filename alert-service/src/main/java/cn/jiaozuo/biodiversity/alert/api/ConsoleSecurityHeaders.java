package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.config.ConsoleConfig;
import cn.jiaozuo.biodiversity.common.http.BrowserPagePolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Security headers of the console page (everything under /console): {@link BrowserPagePolicy} for its settings. */
@Singleton
public class ConsoleSecurityHeaders {

    private final String policy;

    public ConsoleSecurityHeaders(ConsoleConfig config) {
        this.policy = policy(config);
    }

    void install(@Observes Router router) {
        // Ahead of the static files and the REST routes; headers only, the request goes on.
        router.route().order(Integer.MIN_VALUE + 20).handler(this::headers);
    }

    private void headers(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path != null && (path.equals("/console") || path.startsWith("/console/"))) {
            BrowserPagePolicy.apply(ctx.response(), policy);
        }
        ctx.next();
    }

    /** The policy for these settings: connect-src names the origins config.json hands to the page. */
    public static String policy(ConsoleConfig config) {
        return BrowserPagePolicy.contentSecurityPolicy(List.of(config.observationUrl(), config.plotUrl(), config.patrolUrl(),
                config.bulletinUrl()),
                config.oidc().clientId().isPresent() ? config.oidc().issuer() : Optional.empty(), "");
    }
}
