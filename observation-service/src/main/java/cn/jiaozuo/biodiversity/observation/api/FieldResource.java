package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.config.FieldConfig;
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
 * The field app's settings. The app itself is static (module field); patrol-service's and sampling-plot-service's
 * URLs differ per deployment, so the page asks for them here (and its service worker keeps the answer for offline
 * starts) instead of having them baked in.
 */
@Path("/field")
@Tag(name = "Field app", description = "The rangers' field app served at /field/")
public class FieldResource {

    private final FieldConfig config;

    public FieldResource(FieldConfig config) {
        this.config = config;
    }

    @GET
    @Path("/config.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getFieldSettings", summary = "Settings of the field app",
            description = "Public (no token): where the browser finds patrol-service and sampling-plot-service, and the single sign-on issuer if any.")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(
            schema = @Schema(implementation = FieldSettings.class),
            examples = @ExampleObject(name = "local", value = "{\"patrolUrl\":\"http://localhost:8084\","
                    + "\"plotUrl\":\"http://localhost:8082\",\"oidc\":null}")))
    public FieldSettings settings() {
        FieldConfig.Oidc oidc = config.oidc();
        return new FieldSettings(trimSlash(config.patrolUrl()), trimSlash(config.plotUrl()),
                oidc.issuer().isPresent() && oidc.clientId().isPresent()
                        ? new FieldSettings.Oidc(trimSlash(oidc.issuer().get()), oidc.clientId().get(), oidc.scope())
                        : null);
    }

    /** The page appends paths that start with '/'. */
    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
