package cn.jiaozuo.biodiversity.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * What the monitoring console (served at /console/) needs to know about the other services. It is handed to
 * the browser as GET /console/config.json, so nothing here may be secret.
 */
@ConfigMapping(prefix = "biodiversity.console")
public interface ConsoleConfig {

    /** Base URL of observation-service as the browser reaches it (env CONSOLE_OBSERVATION_URL). */
    @WithDefault("http://localhost:8081")
    String observationUrl();

    /** Base URL of sampling-plot-service as the browser reaches it (env CONSOLE_PLOT_URL). */
    @WithDefault("http://localhost:8082")
    String plotUrl();

    /** Base URL of patrol-service as the browser reaches it (env CONSOLE_PATROL_URL). */
    @WithDefault("http://localhost:8084")
    String patrolUrl();

    /** Base URL of bulletin-service as the browser reaches it (env CONSOLE_BULLETIN_URL): the bulletins panel. */
    @WithDefault("http://localhost:8085")
    String bulletinUrl();

    /** Stations whose last upload is older than this are listed as silent in the coverage panel. */
    @WithDefault("P2D")
    Duration silentAfter();

    /** Years without a record after which a protected species is listed (the indicators' {@code years}). */
    @WithDefault("3")
    int notRecordedYears();

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
