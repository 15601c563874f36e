package cn.jiaozuo.biodiversity.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every error response of every service.
 *
 * @param violations one entry per rejected field, for 400 responses
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        @Schema(required = true, example = "about:blank") URI type,
        @Schema(required = true, example = "Bad Request") String title,
        @Schema(required = true, example = "400") int status,
        @Schema(example = "The request has 1 invalid field", description = "Absent when empty") String detail,
        @Schema(example = "/observations", description = "The request path; absent when unknown") String instance,
        @Schema(description = "One per rejected field; absent when none") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** One rejected field: {@code field} is a JSON path into the request, e.g. {@code location.lat}. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(required = true, example = "location") String field,
            @Schema(required = true, example = "must lie in Jiaozuo or its surroundings") String message) {
    }

    public static Problem of(int status, String detail) {
        return new Problem(URI.create("about:blank"), title(status), status, detail, null, List.of());
    }

    public static Problem of(int status, String detail, List<Violation> violations) {
        return new Problem(URI.create("about:blank"), title(status), status, detail, null, violations);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
