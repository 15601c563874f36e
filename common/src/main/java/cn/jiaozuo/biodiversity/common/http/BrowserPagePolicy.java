package cn.jiaozuo.biodiversity.common.http;

import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The security headers of the pages the services serve to browsers (the console, the rangers' field app). Each page holds
 * a bearer token, so its Content-Security-Policy allows exactly what it does: its own files (no inline code), fetches to
 * its own service, the services its config.json names and the single sign-on issuer, nothing else; it may not be framed
 * and sends no referrer.
 */
public final class BrowserPagePolicy {

    private BrowserPagePolicy() {
    }

    /**
     * The Content-Security-Policy of a page that talks to {@code serviceUrls} and, with single sign-on, to the issuer's
     * origin (its discovery document and token endpoint); {@code extra} adds directives such as {@code worker-src}.
     */
    public static String contentSecurityPolicy(List<String> serviceUrls, Optional<String> ssoIssuer, String extra) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        serviceUrls.forEach(url -> origin(url).ifPresent(connect::add));
        ssoIssuer.flatMap(BrowserPagePolicy::origin).ifPresent(connect::add);
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src "
                + String.join(" ", connect) + extra + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    /** Sets the policy and the headers that go with it on a response of the page. */
    public static void apply(HttpServerResponse response, String policy) {
        response.putHeader("Content-Security-Policy", policy)
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Content-Type-Options", "nosniff");
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
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
