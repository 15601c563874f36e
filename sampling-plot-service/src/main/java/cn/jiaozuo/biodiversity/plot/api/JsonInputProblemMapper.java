package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.problem.ProblemMappers;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST has its own mapper for {@link MismatchedInputException} (an unknown enum value such as
 * {@code "ecosystem":"DESERT"}) that is closer to the exception than common's JsonProcessingException
 * mapper and answers plain JSON without a field violation; route it back to the shared problem+json.
 */
public class JsonInputProblemMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.json(e, uri);
    }
}
