package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import cn.jiaozuo.biodiversity.plot.domain.Ecosystem;
import cn.jiaozuo.biodiversity.plot.domain.PlotDefinition;
import cn.jiaozuo.biodiversity.plot.domain.PlotIndex;
import cn.jiaozuo.biodiversity.plot.domain.PlotService;
import cn.jiaozuo.biodiversity.plot.domain.PlotStatus;
import cn.jiaozuo.biodiversity.plot.repository.PlotSearch;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/plots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plots", description = "Sampling plots: validated polygons, codes, geodesic area, retirement, point lookup")
public class PlotResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final PlotService service;
    private final PlotIndex index;
    private final PlotConfig config;
    private final SecurityIdentity identity;

    public PlotResource(PlotService service, PlotIndex index, PlotConfig config, SecurityIdentity identity) {
        this.service = service;
        this.index = index;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createPlot", summary = "Create a plot",
            description = "Role admin. The server assigns code <countyCode>-<NN> (sequential per county) and computes the "
                    + "geodesic area. The geometry is validated with JTS: GeoJSON Polygon or MultiPolygon, closed rings of "
                    + "at least 4 positions, numeric [longitude, latitude] in range, no self-intersection, every vertex in "
                    + "Jiaozuo or its surroundings. Publishes PlotUpserted on topic plots.")
    @APIResponse(responseCode = "201", description = "Created; Location names the plot",
            content = @Content(schema = @Schema(implementation = PlotView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field; geometry failures are violations on geometry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "ring not closed", value = "{\"type\":\"about:blank\","
                            + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"The request has 1 invalid field\","
                            + "\"instance\":\"/plots\",\"violations\":[{\"field\":\"geometry\",\"message\":"
                            + "\"exterior ring is not closed: its first and last positions must be identical\"}]}")))
    public Response create(@NotNull @Valid PlotRequest request, @Context UriInfo uri) {
        PlotSnapshot created = service.create(definition(request), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build())
                .entity(PlotView.of(created)).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listPlots", summary = "List plots", description = "Any authenticated caller. Filters combine; ordered by code.")
    @APIResponse(responseCode = "200", description = "The matching plots (one page)")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public List<PlotView> list(
            @Parameter(example = "410821") @QueryParam("countyCode") String countyCode,
            @Parameter(example = "TAIHANG", schema = @Schema(implementation = PriorityArea.class))
                @QueryParam("priorityArea") String priorityAreaName,
            @Parameter(example = "FOREST", schema = @Schema(implementation = Ecosystem.class)) @QueryParam("ecosystem") String ecosystemName,
            @Parameter(example = "ACTIVE", description = "both when absent", schema = @Schema(implementation = PlotStatus.class))
                @QueryParam("status") String statusName,
            @Parameter(description = "0-based page; default 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
                @QueryParam("page") String pageText,
            @Parameter(description = "page size; default 100, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
                @QueryParam("size") String sizeText) {
        List<Violation> violations = new ArrayList<>();
        String county = QueryValues.text("countyCode", countyCode, 20, violations);
        PriorityArea priorityArea = QueryValues.enumValue("priorityArea", priorityAreaName, PriorityArea.class, violations);
        Ecosystem ecosystem = QueryValues.enumValue("ecosystem", ecosystemName, Ecosystem.class, violations);
        PlotStatus status = QueryValues.enumValue("status", statusName, PlotStatus.class, violations);
        Integer page = QueryValues.integer("page", pageText, 0, 1_000_000, violations);
        Integer size = QueryValues.integer("size", sizeText, 1, config.maxPageSize(), violations);
        QueryValues.requireValid(violations);
        return service.list(new PlotSearch(county, priorityArea, ecosystem, status, page == null ? 0 : page,
                size == null ? 100 : size)).stream().map(PlotView::of).toList();
    }

    @GET
    @Path("/locate")
    @Authenticated
    @Operation(operationId = "locatePlots", summary = "Active plots containing a point",
            description = "Any authenticated caller. Answered from an in-memory spatial index (STR-tree plus exact "
                    + "covers test; a point on a plot's boundary belongs to it). Retired plots are never returned.")
    @APIResponse(responseCode = "200", description = "The active plots covering the point; empty when none")
    @APIResponse(responseCode = "400", description = "lat or lon missing or out of range")
    public List<PlotView> locate(
            @Parameter(example = "35.405", required = true, schema = @Schema(type = SchemaType.NUMBER, minimum = "-90", maximum = "90"))
                @QueryParam("lat") String latText,
            @Parameter(example = "113.205", required = true, schema = @Schema(type = SchemaType.NUMBER, minimum = "-180", maximum = "180"))
                @QueryParam("lon") String lonText) {
        List<Violation> violations = new ArrayList<>();
        Double lat = QueryValues.requiredNumber("lat", latText, -90, 90, violations);
        Double lon = QueryValues.requiredNumber("lon", lonText, -180, 180, violations);
        QueryValues.requireValid(violations);
        return index.locate(lat, lon).stream().map(PlotView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(operationId = "getPlot", summary = "One plot, active or retired", description = "Any authenticated caller.")
    @APIResponse(responseCode = "200", description = "The plot")
    @APIResponse(responseCode = "404", description = "No such plot")
    public PlotView get(@Parameter(example = "410821-01") @PathParam("code") String code) {
        return PlotView.of(service.get(code));
    }

    @GET
    @Path("/{code}/history")
    @Authenticated
    @Operation(operationId = "getPlotHistory", summary = "Every state the plot has been in, oldest first",
            description = "Any authenticated caller. One entry per create, change and retirement; kept after retirement.")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No such plot")
    public List<PlotRevisionView> history(@PathParam("code") String code) {
        return service.history(code).stream().map(PlotRevisionView::of).toList();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updatePlot", summary = "Replace an active plot's definition",
            description = "Role admin. Same body and rules as create; the county cannot change (the code carries it). "
                    + "Publishes PlotUpserted.")
    @APIResponse(responseCode = "200", description = "The changed plot")
    @APIResponse(responseCode = "404", description = "No such plot")
    @APIResponse(responseCode = "409", description = "The plot is retired")
    public PlotView update(@PathParam("code") String code, @NotNull @Valid PlotRequest request) {
        return PlotView.of(service.update(code, definition(request), actor()));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retirePlot", summary = "Retire a plot",
            description = "Role admin. The plot becomes RETIRED: kept with its surveys and history, no longer located or "
                    + "counted for coverage. Publishes PlotRetired once; retiring a retired plot changes nothing.")
    @APIResponse(responseCode = "204", description = "Retired (or already retired)")
    @APIResponse(responseCode = "404", description = "No such plot")
    public void retire(@PathParam("code") String code) {
        service.retire(code, actor());
    }

    private String actor() {
        return Actor.of(identity);
    }

    private static PlotDefinition definition(PlotRequest r) {
        return new PlotDefinition(r.name(), r.countyCode(), r.ecosystem(), r.geometry(), r.methods(), r.protectedAreaId(),
                r.establishedOn(), r.surveyIntervalDays());
    }
}
