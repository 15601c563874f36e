package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.common.problem.ProblemMappers;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST ships its own mapper for {@link MismatchedInputException} (e.g. an unknown enum
 * value), which is closer to the exception than common's JsonProcessingException mapper and
 * answers with plain JSON; route it back to the shared problem+json mapping.
 */
public class JsonInputProblemMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.json(e, uri);
    }
}
