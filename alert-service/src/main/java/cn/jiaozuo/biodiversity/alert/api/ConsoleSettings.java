package cn.jiaozuo.biodiversity.alert.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the console page needs to find the services; public, so it holds no secret. */
@Schema(name = "ConsoleSettings", description = "Configuration of the monitoring console page")
public record ConsoleSettings(
        @Schema(required = true, example = "http://localhost:8081", description = "observation-service as the browser reaches it") String observationUrl,
        @Schema(required = true, example = "http://localhost:8082", description = "sampling-plot-service as the browser reaches it") String plotUrl,
        @Schema(required = true, example = "http://localhost:8084", description = "patrol-service as the browser reaches it") String patrolUrl,
        @Schema(required = true, example = "", description = "alert-service; empty: the origin that served the page") String alertUrl,
        @Schema(required = true, example = "http://localhost:8085", description = "bulletin-service as the browser reaches it") String bulletinUrl,
        @Schema(required = true, example = "PT48H", description = "ISO-8601 duration after which a station counts as silent") String silentAfter,
        @Schema(required = true, example = "3", description = "Years without a record after which a protected species is listed") int notRecordedYears,
        @Schema(required = true, nullable = true, description = "Single sign-on; null where tokens are pasted (local stack)") Oidc oidc) {

    @Schema(name = "ConsoleOidc", description = "Authorization code flow with PKCE, public client")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Oidc(
            @Schema(required = true, example = "https://sso.jiaozuo.example/realms/biodiversity") String issuer,
            @Schema(required = true, example = "biodiversity-console") String clientId,
            @Schema(required = true, example = "openid") String scope) {
    }
}
