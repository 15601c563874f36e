package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.config.ConsoleConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's settings. The page itself is static (module console, META-INF/resources/console); the
 * other services' URLs differ per deployment, so the page asks for them here instead of having them baked in.
 */
@Path("/console")
@Tag(name = "Console", description = "The monitoring console web page served at /console/")
public class ConsoleResource {

    private final ConsoleConfig config;

    public ConsoleResource(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    @Path("/config.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getConsoleSettings", summary = "Settings of the console page",
            description = "Public (no token): where the browser finds the other services, and the single sign-on issuer if any.")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(
            schema = @Schema(implementation = ConsoleSettings.class),
            examples = @ExampleObject(name = "local", value = "{\"observationUrl\":\"http://localhost:8081\","
                    + "\"plotUrl\":\"http://localhost:8082\",\"patrolUrl\":\"http://localhost:8084\",\"alertUrl\":\"\",\"bulletinUrl\":\"http://localhost:8085\",\"silentAfter\":\"PT48H\","
                    + "\"notRecordedYears\":3,\"oidc\":null}")))
    public ConsoleSettings settings() {
        ConsoleConfig.Oidc oidc = config.oidc();
        return new ConsoleSettings(trimSlash(config.observationUrl()), trimSlash(config.plotUrl()), trimSlash(config.patrolUrl()), "",
                trimSlash(config.bulletinUrl()),
                config.silentAfter().toString(), config.notRecordedYears(),
                oidc.issuer().isPresent() && oidc.clientId().isPresent()
                        ? new ConsoleSettings.Oidc(trimSlash(oidc.issuer().get()), oidc.clientId().get(), oidc.scope())
                        : null);
    }

    /** The page appends paths that start with '/'. */
    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
