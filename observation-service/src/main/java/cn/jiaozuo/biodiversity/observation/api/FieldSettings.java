package cn.jiaozuo.biodiversity.observation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the field app needs to find the other services; public, so it holds no secret. */
@Schema(name = "FieldSettings", description = "Configuration of the rangers' field app")
public record FieldSettings(
        @Schema(required = true, example = "http://localhost:8084", description = "patrol-service as the browser reaches it") String patrolUrl,
        @Schema(required = true, example = "http://localhost:8082", description = "sampling-plot-service as the browser reaches it (county outlines)") String plotUrl,
        @Schema(required = true, nullable = true, description = "Single sign-on; null where tokens are pasted (local stack)") Oidc oidc) {

    @Schema(name = "FieldOidc", description = "Authorization code flow with PKCE, public client")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Oidc(
            @Schema(required = true, example = "https://sso.jiaozuo.example/realms/biodiversity") String issuer,
            @Schema(required = true, example = "biodiversity-field") String clientId,
            @Schema(required = true, example = "openid") String scope) {
    }
}
