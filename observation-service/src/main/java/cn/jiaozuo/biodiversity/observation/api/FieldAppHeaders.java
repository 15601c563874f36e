package cn.jiaozuo.biodiversity.observation.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Headers of the rangers' field app (everything under /field, module field). The app holds a bearer token and
 * talks only to this service, so its Content-Security-Policy allows its own files and fetches to its own origin,
 * nothing else (no inline code); it may not be framed and sends no referrer. The manifest gets its registered
 * media type (Vert.x does not know .webmanifest) and the service worker is revalidated on every check, so a
 * new release reaches phones that come back online.
 */
@Singleton
public class FieldAppHeaders {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
            + " manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        // Ahead of the static files and the REST routes; headers only, the request goes on.
        router.route().order(Integer.MIN_VALUE + 20).handler(this::headers);
        // A regex, because a plain "/field" route would also match "/field/" and shadow the page.
        router.getWithRegex("/field").handler(rc -> rc.redirect("/field/"));
    }

    private void headers(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path != null && (path.equals("/field") || path.startsWith("/field/"))) {
            ctx.response().putHeader("Content-Security-Policy", POLICY)
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Content-Type-Options", "nosniff");
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
