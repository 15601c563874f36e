package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.domain.Survey;
import cn.jiaozuo.biodiversity.plot.domain.SurveyService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/plots/{code}/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys", description = "Field visits to plots")
public class SurveyResource {

    private final SurveyService surveys;
    private final SecurityIdentity identity;

    public SurveyResource(SurveyService surveys, SecurityIdentity identity) {
        this.surveys = surveys;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RANGER)
    @Operation(operationId = "recordSurvey", summary = "Record a survey visit to an active plot",
            description = "Role ranger. visitedOn may not lie in the future nor before the plot was established.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = SurveyView.class)))
    @APIResponse(responseCode = "404", description = "No such plot")
    @APIResponse(responseCode = "409", description = "The plot is retired")
    public Response record(@PathParam("code") String code, @NotNull @Valid SurveyRequest request) {
        Survey s = surveys.record(code, new SurveyService.Visit(request.visitedOn(), request.team(), request.method(),
                request.effortHours(), request.notes()), Caller.of(identity).subject());
        return Response.status(Response.Status.CREATED).entity(SurveyView.of(s)).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listSurveys", summary = "The plot's survey visits, newest first", description = "Any authenticated caller; also for retired plots.")
    @APIResponse(responseCode = "200", description = "The visits")
    @APIResponse(responseCode = "404", description = "No such plot")
    public List<SurveyView> list(@PathParam("code") String code) {
        return surveys.list(code).stream().map(SurveyView::of).toList();
    }
}
