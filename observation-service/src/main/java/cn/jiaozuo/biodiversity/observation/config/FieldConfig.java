package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * What the rangers' field app (served at /field/) needs to know about the other services. It is handed to the
 * browser as GET /field/config.json, so nothing here may be secret.
 */
@ConfigMapping(prefix = "biodiversity.field")
public interface FieldConfig {

    /** Base URL of patrol-service as the browser reaches it (env FIELD_PATROL_URL). */
    @WithDefault("http://localhost:8084")
    String patrolUrl();

    /** Base URL of sampling-plot-service as the browser reaches it (env FIELD_PLOT_URL): county outlines for the map. */
    @WithDefault("http://localhost:8082")
    String plotUrl();

    Oidc oidc();

    /** Single sign-on for production: authorization code with PKCE, a public client (no secret). */
    interface Oidc {

        /** Issuer URL whose /.well-known/openid-configuration names the endpoints; absent locally (paste a token). */
        Optional<String> issuer();

        Optional<String> clientId();

        @WithDefault("openid")
        String scope();
    }
}
