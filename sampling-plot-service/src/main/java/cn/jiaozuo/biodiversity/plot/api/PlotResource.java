package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import cn.jiaozuo.biodiversity.plot.domain.Ecosystem;
import cn.jiaozuo.biodiversity.plot.domain.PlotDefinition;
import cn.jiaozuo.biodiversity.plot.domain.PlotIndex;
import cn.jiaozuo.biodiversity.plot.domain.PlotService;
import cn.jiaozuo.biodiversity.plot.domain.PlotSnapshots;
import cn.jiaozuo.biodiversity.plot.domain.PlotStatus;
import cn.jiaozuo.biodiversity.plot.repository.CountyRepository;
import cn.jiaozuo.biodiversity.plot.repository.PlotRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.util.Objects;
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
    private final PlotRepository plots;
    private final CountyRepository counties;
    private final PlotSnapshots snapshots;
    private final PlotIndex index;
    private final PlotConfig config;
    private final SecurityIdentity identity;

    public PlotResource(PlotService service, PlotRepository plots, CountyRepository counties, PlotSnapshots snapshots,
            PlotIndex index, PlotConfig config, SecurityIdentity identity) {
        this.service = service;
        this.plots = plots;
        this.counties = counties;
        this.snapshots = snapshots;
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
            content = @Content(schema = @Schema(implementation = PlotResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field; geometry failures are violations on geometry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "ring not closed", value = "{\"type\":\"about:blank\","
                            + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"The request has 1 invalid field\","
                            + "\"instance\":\"/plots\",\"violations\":[{\"field\":\"geometry\",\"message\":"
                            + "\"exterior ring is not closed: its first and last positions must be identical\"}]}")))
    public Response create(@NotNull @Valid PlotRequest request, @Context UriInfo uri) {
        PlotSnapshot created = service.create(definition(request), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build())
                .entity(PlotResponse.of(created)).build();
    }

    @GET
    @Authenticated
    @Transactional
    @Operation(operationId = "listPlots", summary = "List plots", description = "Any authenticated caller. Filters combine; ordered by code.")
    @APIResponse(responseCode = "200", description = "The matching plots (one page)")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public List<PlotResponse> list(
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
        int page = QueryParams.integer(pageText, "page", 0, 1_000_000, 0);
        int size = QueryParams.integer(sizeText, "size", 1, config.maxPageSize(), 100);
        PriorityArea priorityArea = QueryParams.enumValue(PriorityArea.class, priorityAreaName, "priorityArea");
        Ecosystem ecosystem = QueryParams.enumValue(Ecosystem.class, ecosystemName, "ecosystem");
        PlotStatus status = QueryParams.enumValue(PlotStatus.class, statusName, "status");
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (countyCode != null) {
            where.append(" and countyCode = :county");
            params.and("county", countyCode);
        }
        if (priorityArea != null) {
            List<String> inArea = counties.list("priorityArea", priorityArea).stream().map(c -> c.code).toList();
            where.append(" and countyCode in :inArea");
            params.and("inArea", inArea);
        }
        if (ecosystem != null) {
            where.append(" and ecosystem = :ecosystem");
            params.and("ecosystem", ecosystem);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        return snapshots.of(plots.find(where.toString(), Sort.by("code"), params)
                        .page(Page.of(page, size)).list())
                .stream().map(PlotResponse::of).toList();
    }

    @GET
    @Path("/locate")
    @Authenticated
    @Operation(operationId = "locatePlots", summary = "Active plots containing a point",
            description = "Any authenticated caller. Answered from an in-memory spatial index (STR-tree plus exact "
                    + "covers test; a point on a plot's boundary belongs to it). Retired plots are never returned.")
    @APIResponse(responseCode = "200", description = "The active plots covering the point; empty when none")
    @APIResponse(responseCode = "400", description = "lat or lon missing or out of range")
    public List<PlotResponse> locate(
            @Parameter(example = "35.405", required = true, schema = @Schema(type = SchemaType.NUMBER, minimum = "-90", maximum = "90"))
                @QueryParam("lat") String latText,
            @Parameter(example = "113.205", required = true, schema = @Schema(type = SchemaType.NUMBER, minimum = "-180", maximum = "180"))
                @QueryParam("lon") String lonText) {
        List<Problem.Violation> violations = new ArrayList<>();
        double lat = QueryParams.number(latText, "lat", -90, 90, violations);
        double lon = QueryParams.number(lonText, "lon", -180, 180, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        return index.locate(lat, lon).stream().map(PlotResponse::of).toList();
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Transactional
    @Operation(operationId = "getPlot", summary = "One plot, active or retired", description = "Any authenticated caller.")
    @APIResponse(responseCode = "200", description = "The plot")
    @APIResponse(responseCode = "404", description = "No such plot")
    public PlotResponse get(@Parameter(example = "410821-01") @PathParam("code") String code) {
        return PlotResponse.of(snapshots.of(service.find(code)));
    }

    @GET
    @Path("/{code}/history")
    @Authenticated
    @Transactional
    @Operation(operationId = "getPlotHistory", summary = "Every state the plot has been in, oldest first",
            description = "Any authenticated caller. One entry per create, change and retirement; kept after retirement.")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No such plot")
    public List<PlotRevisionResponse> history(@PathParam("code") String code) {
        service.find(code);
        List<PlotRevisionResponse> revisions = new ArrayList<>();
        plots.revisions(code).forEach(r -> revisions.add(new PlotRevisionResponse(r.key.revision(), r.eventType,
                r.changedAt, r.changedBy, PlotResponse.of(snapshots.fromText(r.snapshot)))));
        return revisions;
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
    public PlotResponse update(@PathParam("code") String code, @NotNull @Valid PlotRequest request) {
        return PlotResponse.of(service.update(code, definition(request), actor()));
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
        return Objects.requireNonNullElse(identity.getPrincipal().getName(), "unknown");
    }

    private static PlotDefinition definition(PlotRequest r) {
        return new PlotDefinition(r.name(), r.countyCode(), r.ecosystem(), r.geometry(), r.methods(), r.protectedAreaId(),
                r.establishedOn(), r.surveyIntervalDays());
    }
}
