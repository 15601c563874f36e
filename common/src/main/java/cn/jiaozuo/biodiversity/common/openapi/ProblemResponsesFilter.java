package cn.jiaozuo.biodiversity.common.openapi;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The error responses every operation shares, declared once ({@link ApiDefinition}) instead of on each resource
 * method: 400 for an operation with parameters or a body, 413 and 415 for one with a body, 401 and 403 for one that
 * needs a token (403 only where roles are named), 406 for one that answers with a body, 503 for all. An error response a method documents itself (say "404 No such plot") keeps its
 * description and gets the problem+json body when it names none. Public operations get {@code security: []}, which
 * is how OpenAPI says "no token needed" (an absent {@code security} means "not declared").
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_ACCEPTABLE = "NotAcceptable";
    static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    /** The descriptions Quarkus gives the responses it adds by itself; ours say more. */
    private static final Set<String> GENERATED = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        api.getPaths().getPathItems().values()
                .forEach(item -> item.getOperations().values().forEach(operation -> complete(operation, used)));
        // Standard responses no operation of this service needs are not published (linters flag unused components).
        if (api.getComponents() != null && api.getComponents().getResponses() != null) {
            for (String name : List.copyOf(api.getComponents().getResponses().keySet())) {
                if (!used.contains(name) && Set.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_ACCEPTABLE,
                        CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, SERVICE_UNAVAILABLE).contains(name)) {
                    api.getComponents().removeResponse(name);
                }
            }
        }
    }

    private static void complete(Operation operation, Set<String> used) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            operation.setSecurity(new ArrayList<>());
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasInput = hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            standard(responses, "400", BAD_REQUEST, used);
        }
        if (hasBody) {
            standard(responses, "413", CONTENT_TOO_LARGE, used);
            standard(responses, "415", UNSUPPORTED_MEDIA_TYPE, used);
        }
        if (secured) {
            standard(responses, "401", UNAUTHORIZED, used);
            if (namesRoles(operation)) {
                standard(responses, "403", FORBIDDEN, used);
            } else if (generated(responses.getAPIResponse("403"))) {
                // Any authenticated caller may call it: no role can be refused.
                responses.removeAPIResponse("403");
            }
        }
        if (answersWithContent(responses)) {
            standard(responses, "406", NOT_ACCEPTABLE, used);
        }
        standard(responses, "503", SERVICE_UNAVAILABLE, used);
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (entry.getKey().charAt(0) >= '4' && response.getRef() == null && response.getContent() == null) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
            }
        }
    }

    /** Adds the shared response unless the operation documents that status itself (Quarkus' own stubs excepted). */
    private static void standard(APIResponses responses, String status, String name, Set<String> used) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null || generated(existing)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
            used.add(name);
        }
    }

    private static boolean generated(APIResponse response) {
        return response != null && response.getRef() == null && response.getContent() == null
                && GENERATED.contains(response.getDescription());
    }

    private static boolean answersWithContent(APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream().anyMatch(e -> e.getKey().startsWith("2")
                && e.getValue().getContent() != null && e.getValue().getContent().getMediaTypes() != null
                && !e.getValue().getContent().getMediaTypes().isEmpty());
    }

    private static boolean namesRoles(Operation operation) {
        return operation.getSecurity().stream().anyMatch(requirement -> requirement.getSchemes() != null
                && requirement.getSchemes().values().stream().anyMatch(roles -> roles != null && !roles.isEmpty()));
    }
}
