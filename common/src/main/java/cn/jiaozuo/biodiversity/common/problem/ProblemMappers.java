package cn.jiaozuo.biodiversity.common.problem;

import cn.jiaozuo.biodiversity.common.json.RefusedValueException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
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
import java.util.ArrayDeque;
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
        if (isClientGone(e)) {
            // The client hung up (a cancelled upload, a timed-out app): nobody reads this answer, and it is no
            // server error to page anyone about.
            LOG.infof("Client closed the connection during %s: %s", path(uri), e);
            return respond(Problem.of(400, "The connection was closed before the request completed"), uri);
        }
        return unexpected(e, uri);
    }

    /** The client closed the connection while its request was read or answered. */
    public static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException || t instanceof io.vertx.core.http.HttpClosedException
                    || (t instanceof io.vertx.core.VertxException && "Connection was closed".equals(t.getMessage()))) {
                return true;
            }
        }
        return false;
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
        Problem.Violation violation = violation("", e);
        if (violation.field().isEmpty()) {
            return Problem.of(400, "The request body " + violation.message());
        }
        if (e instanceof JsonParseException || e.getCause() instanceof JsonParseException) {
            // The document itself is broken (or repeats a key): say so, and where.
            return Problem.of(400, "Malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""),
                    List.of(violation));
        }
        return ProblemException.badRequest(List.of(violation)).toProblem();
    }

    /**
     * The violation for a JSON value or document that could not be read, its field the JSON path below {@code prefix}
     * (e.g. {@code items[3]} in a batch): also used where a service reads parts of a body itself.
     */
    public static Problem.Violation violation(String prefix, Exception e) {
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonParseException cause) {
            e = cause; // a broken document met while binding a field: the parser knows where
        }
        if (e instanceof JsonParseException parse) {
            String field = join(prefix, parserPath(parse));
            if (isDuplicateKey(parse)) {
                return new Problem.Violation(field, "appears more than once in its object; send each key once");
            }
            if (e instanceof InputCoercionException coercion) {
                return new Problem.Violation(field, "is out of range for " + simpleType(coercion.getTargetType()));
            }
            // Where a broken document broke is in the detail (line, column); the path would point at the field before.
            return new Problem.Violation(prefix.isEmpty() ? "body" : prefix, "is not well-formed JSON");
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new Problem.Violation(prefix, "is invalid");
        }
        String field = join(prefix, jsonPath(mapping));
        String message;
        if (e instanceof RefusedValueException refused) {
            message = refused.reason();
        } else if (String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
            return new Problem.Violation(field.isEmpty() ? "body" : field,
                    "must be one JSON document with nothing after it");
        } else if (e instanceof InvalidFormatException invalid) {
            message = describe(invalid.getValue(), invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "has the wrong type; expected " + simpleType(mismatch.getTargetType());
        } else {
            message = "is invalid";
        }
        return new Problem.Violation(field, message);
    }

    /** Why a value of the right JSON syntax was refused for {@code target}: a wrong JSON type, or unreadable text. */
    private static String describe(Object value, Class<?> target) {
        boolean numeric = target != null && (Number.class.isAssignableFrom(target)
                || (target.isPrimitive() && target != boolean.class));
        boolean integral = target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class || target == java.math.BigInteger.class;
        if (numeric && value instanceof String) {
            return "must be a JSON number, not a string";
        }
        if (integral && value instanceof Number) {
            return "must be a whole number";
        }
        if (target == String.class && value != null) {
            return "must be a JSON string";
        }
        if ((target == Boolean.class || target == boolean.class) && value != null) {
            return "must be true or false";
        }
        return "cannot be read as " + simpleType(target);
    }

    private static String join(String prefix, String path) {
        if (prefix.isEmpty() || path.isEmpty()) {
            return prefix + path;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    /** Where the parser stood when it failed, as a field path such as {@code location.lat} or {@code items[2]}. */
    private static String parserPath(JsonParseException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return "";
        }
        ArrayDeque<JsonStreamContext> contexts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            contexts.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : contexts) {
            if (c.inArray()) {
                path.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.getCurrentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(c.getCurrentName());
            }
        }
        return path.toString();
    }

    /** Jackson's STRICT_DUPLICATE_DETECTION (see StrictJson): its message is the only mark it leaves. */
    private static boolean isDuplicateKey(JsonParseException e) {
        return String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field '");
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
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date, e.g. 2025-05-14";
        }
        if (type.getSimpleName().contains("Date") || type.getSimpleName().contains("Instant")) {
            return "an ISO-8601 date-time with offset, e.g. 2025-05-14T06:12:00+08:00";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
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
