package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import cn.jiaozuo.biodiversity.plot.domain.Plot;
import cn.jiaozuo.biodiversity.plot.domain.PlotService;
import cn.jiaozuo.biodiversity.plot.domain.Survey;
import cn.jiaozuo.biodiversity.plot.repository.SurveyRepository;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/plots/{code}/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys", description = "Field visits to plots")
public class SurveyResource {

    private final PlotService plots;
    private final SurveyRepository surveys;
    private final PlotConfig config;
    private final SecurityIdentity identity;

    public SurveyResource(PlotService plots, SurveyRepository surveys, PlotConfig config, SecurityIdentity identity) {
        this.plots = plots;
        this.surveys = surveys;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RANGER)
    @Transactional
    @Operation(operationId = "recordSurvey", summary = "Record a survey visit to an active plot",
            description = "Role ranger. visitedOn may not lie in the future nor before the plot was established.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = SurveyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such plot")
    @APIResponse(responseCode = "409", description = "The plot is retired")
    public Response record(@PathParam("code") String code, @NotNull @Valid SurveyRequest request) {
        Plot plot = plots.find(code);
        if (!plot.isActive()) {
            throw ProblemException.conflict("Plot " + code + " is retired; surveys are recorded on active plots only");
        }
        LocalDate today = LocalDate.now(config.zone());
        if (request.visitedOn().isAfter(today)) {
            throw ProblemException.badRequest("visitedOn", "must not be in the future (today is " + today + " in " + config.zone() + ")");
        }
        if (plot.establishedOn != null && request.visitedOn().isBefore(plot.establishedOn)) {
            throw ProblemException.badRequest("visitedOn", "must not be before the plot was established on " + plot.establishedOn);
        }
        Survey s = new Survey();
        s.id = UUID.randomUUID();
        s.plotCode = plot.code;
        s.visitedOn = request.visitedOn();
        s.team = request.team().strip();
        s.method = request.method();
        s.effortHours = request.effortHours().setScale(2, RoundingMode.HALF_UP);
        s.notes = request.notes();
        s.recordedBy = identity.getPrincipal().getName();
        s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        surveys.persist(s);
        return Response.status(Response.Status.CREATED).entity(SurveyResponse.of(s)).build();
    }

    @GET
    @Authenticated
    @Transactional
    @Operation(operationId = "listSurveys", summary = "The plot's survey visits, newest first", description = "Any authenticated caller; also for retired plots.")
    @APIResponse(responseCode = "200", description = "The visits")
    @APIResponse(responseCode = "404", description = "No such plot")
    public List<SurveyResponse> list(@PathParam("code") String code) {
        plots.find(code);
        return surveys.forPlot(code).stream().map(SurveyResponse::of).toList();
    }
}
