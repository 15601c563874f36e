package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.config.ConsoleConfig;
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
 * Security headers of the console page (everything under /console). The page holds a bearer token, so
 * its Content-Security-Policy allows exactly what it does: its own scripts, styles and images (no inline
 * code), fetches to this service, the two other services and the single sign-on issuer named in the
 * console settings, nothing else; it may not be framed, and sends no referrer.
 */
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
            ctx.response().putHeader("Content-Security-Policy", policy)
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Content-Type-Options", "nosniff");
        }
        ctx.next();
    }

    /** The policy for these settings: connect-src names the origins config.json hands to the page. */
    public static String policy(ConsoleConfig config) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        origin(config.observationUrl()).ifPresent(connect::add);
        origin(config.plotUrl()).ifPresent(connect::add);
        origin(config.patrolUrl()).ifPresent(connect::add);
        // Discovery and token endpoint of the single sign-on issuer (same origin as the issuer).
        if (config.oidc().clientId().isPresent()) {
            config.oidc().issuer().flatMap(ConsoleSecurityHeaders::origin).ifPresent(connect::add);
        }
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src "
                + String.join(" ", connect) + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
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
}
