/**
 * What the three services' OpenAPI documents share: licence, server and the standard problem responses, which
 * {@link cn.jiaozuo.biodiversity.common.openapi.ProblemResponsesFilter} attaches to every operation they apply to
 * (so no resource repeats them). Each service's title, version and description come from its application.properties.
 * On the package because SmallRye reads a class-level definition only on a JAX-RS Application.
 */
@OpenAPIDefinition(
        info = @Info(title = "Jiaozuo biodiversity monitoring", version = "1.0.0",
                // No open licence has been chosen for the API: proprietary until its owner names one.
                license = @License(name = "Proprietary (Jiaozuo biodiversity monitoring network)",
                        identifier = "LicenseRef-Proprietary")),
        // Relative: the API is where the document is served, whatever host or ingress path that is.
        servers = @Server(url = "/", description = "The host and path that serve this document"),
        components = @Components(responses = {
                @APIResponse(name = ProblemResponsesFilter.BAD_REQUEST, description = "Invalid input: malformed JSON, a "
                        + "wrong type, an unknown enum value or a broken rule. `violations` names each rejected field "
                        + "(a JSON path into the body such as `items[3].location.lat`, or the parameter's name).",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ProblemResponsesFilter.UNAUTHORIZED, description = "No bearer token, or one that is "
                        + "expired or not signed by the trusted key (`WWW-Authenticate: Bearer`)",
                        headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ProblemResponsesFilter.FORBIDDEN, description = "The token's role may not call this "
                        + "operation (the roles are the `bearer` scopes of its security requirement)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ProblemResponsesFilter.NOT_ACCEPTABLE, description = "The Accept header excludes "
                        + "every media type this operation answers with",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ProblemResponsesFilter.CONTENT_TOO_LARGE, description = "The body is larger than this "
                        + "operation accepts (1 MB unless its description says otherwise)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ProblemResponsesFilter.UNSUPPORTED_MEDIA_TYPE, description = "The body's Content-Type "
                        + "is not one this operation reads",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ProblemResponsesFilter.SERVICE_UNAVAILABLE, description = "The database is "
                        + "unavailable: nothing was stored; retry after `Retry-After` seconds",
                        headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
                                schema = @Schema(type = SchemaType.INTEGER)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }))
package cn.jiaozuo.biodiversity.common.openapi;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

