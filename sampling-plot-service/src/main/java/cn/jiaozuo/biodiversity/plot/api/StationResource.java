package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import cn.jiaozuo.biodiversity.plot.domain.Plot;
import cn.jiaozuo.biodiversity.plot.domain.Station;
import cn.jiaozuo.biodiversity.plot.repository.PlotRepository;
import cn.jiaozuo.biodiversity.plot.repository.StationRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stations", description = "Camera traps and acoustic recorders on plots, and which have gone silent")
public class StationResource {

    private final StationRepository stations;
    private final PlotRepository plots;
    private final PlotConfig config;

    public StationResource(StationRepository stations, PlotRepository plots, PlotConfig config) {
        this.stations = stations;
        this.plots = plots;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Register a monitoring station on an active plot",
            description = "Role admin. The id is the stationId its uploads carry; lastSeenAt follows from those uploads.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = StationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A station with this id exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull @Valid StationRequest request) {
        Plot plot = plots.findByIdOptional(request.plotCode()).orElse(null);
        if (plot == null || !plot.isActive()) {
            throw ProblemException.badRequest("plotCode", plot == null ? "is not a known plot" : "plot " + plot.code + " is retired");
        }
        double lat = request.location().lat();
        double lon = request.location().lon();
        if (!JiaozuoArea.contains(lat, lon)) {
            throw ProblemException.badRequest("location", JiaozuoArea.outsideMessage(lat, lon));
        }

        Station s = new Station();
        s.id = request.id();
        s.type = request.type();
        s.plotCode = plot.code;
        s.lat = lat;
        s.lon = lon;
        s.installedOn = request.installedOn();
        s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!stations.insertIfAbsent(s)) {
            throw ProblemException.conflict("Station " + request.id() + " is already registered");
        }
        return Response.status(Response.Status.CREATED).entity(StationResponse.of(s)).build();
    }

    @GET
    @Authenticated
    @Transactional
    @Operation(summary = "List stations, optionally only the silent ones",
            description = "Any authenticated caller. With silentFor (ISO-8601 duration such as PT48H or P7D) only stations "
                    + "whose last upload is older than that are listed; a station that never uploaded counts from the start "
                    + "of its installation day (Asia/Shanghai), so a station installed today is not yet silent.")
    @APIResponse(responseCode = "200", description = "The stations, by id")
    @APIResponse(responseCode = "400", description = "silentFor is not a positive ISO-8601 duration of at most 100 years",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<StationResponse> list(
            @Parameter(example = "PT48H", description = "ISO-8601 duration, positive, at most P36500D (100 years)", schema = @Schema(type = SchemaType.STRING, format = "duration"))
                @QueryParam("silentFor") String silentFor,
            @Parameter(example = "410821-01") @QueryParam("plotCode") String plotCode) {
        Duration silence = parse(silentFor);
        Instant now = Instant.now();
        return stations.list(plotCode == null ? "1 = 1" : "plotCode = :plot", Sort.by("id"),
                        plotCode == null ? new Parameters() : Parameters.with("plot", plotCode))
                .stream()
                .filter(s -> silence == null || lastHeard(s).isBefore(now.minus(silence)))
                .map(StationResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Transactional
    @Operation(summary = "One station", description = "Any authenticated caller.")
    @APIResponse(responseCode = "200", description = "The station")
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such station",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StationResponse get(@PathParam("id") String id) {
        return stations.findByIdOptional(id).map(StationResponse::of)
                .orElseThrow(() -> ProblemException.notFound("No station has id " + id));
    }

    private Instant lastHeard(Station s) {
        return s.lastSeenAt != null ? s.lastSeenAt : s.installedOn.atStartOfDay(config.zone()).toInstant();
    }

    /** A positive duration of at most 100 years (common's QueryValues): "now minus" a longer one overflows Instant. */
    private static Duration parse(String silentFor) {
        List<Problem.Violation> violations = new ArrayList<>();
        Duration silence = QueryValues.duration("silentFor", silentFor, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        return silence;
    }
}
