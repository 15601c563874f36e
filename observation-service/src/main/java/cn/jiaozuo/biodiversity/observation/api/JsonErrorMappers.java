package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.observation.config.JsonConfig;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Body fields Jackson cannot read (a bad enum, a date without offset, a malformed uuid, a NUL
 * character) as a 400 problem naming the field. quarkus-rest-jackson registers its own mapper for
 * {@link MismatchedInputException} that answers plain JSON; a mapper for the exact type wins over
 * the shared one for its supertype, so this one is declared here for that type. Priority 0, ahead of
 * the shared mapper for the same type in common's ProblemMappers (priority 1): between equal
 * priorities the build's discovery order would decide.
 */
public class JsonErrorMappers {

    @ServerExceptionMapper(priority = 0)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        Violation violation = violation("", e);
        Problem problem = violation.field().isEmpty()
                ? Problem.of(400, "The request body " + violation.message())
                : Problem.of(400, "The request has an invalid field", List.of(violation));
        return problem.withInstance(uri.getPath()).toResponse();
    }

    /** A violation whose field is the JSON path of the failure below {@code prefix}. */
    static Violation violation(String prefix, Exception e) {
        StringBuilder field = new StringBuilder(prefix);
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getIndex() >= 0) {
                    field.append('[').append(ref.getIndex()).append(']');
                } else if (ref.getFieldName() != null) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(ref.getFieldName());
                }
            }
            if (mapping instanceof JsonConfig.NulCharacterException) {
                return new Violation(field.toString(), JsonConfig.NulCharacterException.MESSAGE);
            }
            Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return new Violation(field.toString(), target == null ? "is invalid" : "cannot be read as " + describe(target));
        }
        return new Violation(field.toString(), "is invalid");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == OffsetDateTime.class) {
            return "an ISO-8601 date-time with offset, e.g. 2025-05-14T06:12:00+08:00";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        return type == String.class ? "a string" : "an object";
    }
}
