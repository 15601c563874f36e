package cn.jiaozuo.biodiversity.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 problem+json responses, for every service.
 * Responses never carry stack traces, class names or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper(priority = 1)
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        return respond(ProblemException.badRequest(violations).toProblem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    /** quarkus-rest-jackson maps this exact type itself (plain JSON); a mapper for the exact type wins. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "Your role may not do this"), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Throwable jsonCause = causeOfType(e, JsonProcessingException.class);
        if (status == 400 && jsonCause != null) {
            return respond(jsonProblem((JsonProcessingException) jsonCause), uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.ResponseBuilder response = Response.fromResponse(respond(Problem.of(status, detailFor(status)), uri));
        // Keep headers such as Allow (405) that the original response carried.
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)) {
            Object value = e.getResponse().getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }

    @ServerExceptionMapper(priority = 10)
    public Response any(Throwable e, UriInfo uri) {
        ProblemException problem = (ProblemException) causeOfType(e, ProblemException.class);
        if (problem != null) {
            return respond(problem.toProblem(), uri);
        }
        ConstraintViolationException violation = (ConstraintViolationException) causeOfType(e,
                ConstraintViolationException.class);
        if (violation != null) {
            return constraintViolation(violation, uri);
        }
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable for %s: %s", path(uri), e.getMessage());
            return Response.fromResponse(respond(
                    Problem.of(503, "The database is unavailable; retry later, nothing was stored"), uri))
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        return unexpected(e, uri);
    }

    private Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", incident, path(uri));
        return respond(Problem.of(500, "Unexpected error; quote incident " + incident), uri);
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "A valid bearer token is required"), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return problem.withInstance(path(uri)).toResponse();
    }

    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation; ask for application/json";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type; send application/json";
            default -> Problem.title(status);
        };
    }

    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return Problem.of(400, "Malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        String field = jsonPath(mapping);
        String message;
        if (e instanceof InvalidFormatException invalid) {
            message = "cannot be read as " + simpleType(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "has the wrong type; expected " + simpleType(mismatch.getTargetType());
        } else {
            message = "is invalid";
        }
        if (field.isEmpty()) {
            return Problem.of(400, "The request body " + message);
        }
        return ProblemException.badRequest(field, message).toProblem();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                values.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return values.toString();
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.getSimpleName().contains("Date") || type.getSimpleName().contains("Instant")) {
            return "an ISO-8601 date-time with offset";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    /** {@code create.request.items[3].count} → {@code items[3].count}; {@code list.limit} → {@code limit}. */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (Iterator<Path.Node> it = nodes.iterator(); it.hasNext(); ) {
            Path.Node node = it.next();
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            boolean last = !it.hasNext();
            if (kind == ElementKind.PARAMETER && !last) {
                continue; // the request body parameter itself: its properties follow
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static Throwable causeOfType(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    /** Connection-class SQL states (08xxx), or the pool giving up: the database, not the request, failed. */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage());
                if ((state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")))
                        || message.contains("Acquisition timeout") || message.contains("Connection refused")) {
                    return true;
                }
            }
        }
        return false;
    }
}
