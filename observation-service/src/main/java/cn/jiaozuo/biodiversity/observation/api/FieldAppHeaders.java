package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.config.FieldConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Headers of the rangers' field app (everything under /field, module field). The app holds a bearer token, so its
 * Content-Security-Policy allows its own files (no inline code) and fetches to this service, to patrol-service and
 * sampling-plot-service as config.json names them, and to the single sign-on issuer, nothing else; it may not be
 * framed and sends no referrer. The manifest gets its registered
 * media type (Vert.x does not know .webmanifest) and the service worker is revalidated on every check, so a
 * new release reaches phones that come back online.
 */
@Singleton
public class FieldAppHeaders {

    private final String policy;

    public FieldAppHeaders(FieldConfig config) {
        this.policy = policy(config);
    }

    /** The policy for these settings: connect-src names the origins config.json hands to the page. */
    public static String policy(FieldConfig config) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        origin(config.patrolUrl()).ifPresent(connect::add);
        origin(config.plotUrl()).ifPresent(connect::add);
        // Discovery and token endpoint of the single sign-on issuer (same origin as the issuer).
        if (config.oidc().clientId().isPresent()) {
            config.oidc().issuer().flatMap(FieldAppHeaders::origin).ifPresent(connect::add);
        }
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src " + String.join(" ", connect)
                + "; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of an absolute http(s) URL; empty for a relative one (same origin: 'self'). */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
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
            ctx.response().putHeader("Content-Security-Policy", policy)
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
