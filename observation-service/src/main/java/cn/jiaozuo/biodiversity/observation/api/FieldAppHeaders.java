package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.http.BrowserPagePolicy;
import cn.jiaozuo.biodiversity.observation.config.FieldConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Headers of the rangers' field app (everything under /field, module field): {@link BrowserPagePolicy} for its settings
 * (patrol-service and sampling-plot-service as config.json names them), its manifest and service worker allowed. The
 * manifest gets its registered media type (Vert.x does not know .webmanifest) and the service worker is revalidated on
 * every check, so a new release reaches phones that come back online.
 */
@Singleton
public class FieldAppHeaders {

    private final String policy;

    public FieldAppHeaders(FieldConfig config) {
        this.policy = policy(config);
    }

    /** The policy for these settings: connect-src names the origins config.json hands to the page. */
    public static String policy(FieldConfig config) {
        return BrowserPagePolicy.contentSecurityPolicy(List.of(config.patrolUrl(), config.plotUrl()),
                config.oidc().clientId().isPresent() ? config.oidc().issuer() : Optional.empty(),
                "; manifest-src 'self'; worker-src 'self'");
    }

    void install(@Observes Router router) {
        // Ahead of the static files and the REST routes; headers only, the request goes on.
        router.route().order(Integer.MIN_VALUE + 20).handler(this::headers);
        // A regex, because a plain "/field" route would also match "/field/" and shadow the page.
        router.getWithRegex("/field").handler(rc -> rc.redirect("/field/"));
    }

    private void headers(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path != null && (path.equals("/field") || path.startsWith("/field/"))) {
            BrowserPagePolicy.apply(ctx.response(), policy);
            if (path.endsWith(".webmanifest") || path.equals("/field/sw.js")) {
                // The static handler sets its own Content-Type and caching headers; these win because they are set last.
                ctx.addHeadersEndHandler(v -> {
                    if (path.endsWith(".webmanifest")) {
                        ctx.response().headers().set("Content-Type", "application/manifest+json");
                    } else {
                        ctx.response().headers().set("Cache-Control", "no-cache");
                    }
                });
            }
        }
        ctx.next();
    }
}
