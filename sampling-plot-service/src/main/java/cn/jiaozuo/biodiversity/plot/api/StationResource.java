package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import cn.jiaozuo.biodiversity.plot.domain.Plot;
import cn.jiaozuo.biodiversity.plot.domain.Station;
import cn.jiaozuo.biodiversity.plot.domain.StationAccess;
import cn.jiaozuo.biodiversity.plot.messaging.StationEvents;
import cn.jiaozuo.biodiversity.plot.repository.PlotRepository;
import cn.jiaozuo.biodiversity.plot.repository.StationRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stations", description = "Camera traps and acoustic recorders on plots, and which have gone silent")
public class StationResource {

    static final String EXAMPLE_REQUEST = """
            {"id": "CT-XW-0007", "type": "CAMERA_TRAP", "plotCode": "410821-01", "location": {"lat": 35.405, "lon": 113.205},
             "installedOn": "2025-03-20", "subject": "station-ct-xw-0007"}""";

    private final StationRepository stations;
    private final PlotRepository plots;
    private final StationEvents events;
    private final PlotConfig config;
    private final SecurityIdentity identity;

    public StationResource(StationRepository stations, PlotRepository plots, StationEvents events, PlotConfig config,
            SecurityIdentity identity) {
        this.stations = stations;
        this.plots = plots;
        this.events = events;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(operationId = "registerStation", summary = "Register a monitoring station on an active plot, bound to the identity it uploads with",
            description = "Role admin. The id is the stationId its uploads carry; subject is the token subject (sub claim)"
                    + " it uploads with: observation-service accepts uploads naming the station only from that identity (or"
                    + " an admin), and only that identity's uploads move lastSeenAt. Publishes StationUpserted on topic"
                    + " stations (compacted, key = id).")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = StationRequest.class), examples = @ExampleObject(name = "camera", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = StationResponse.class)))
    @APIResponse(responseCode = "409", description = "A station with this id exists")
    public Response register(@NotNull @Valid StationRequest request) {
        Station s = new Station();
        s.id = request.id();
        apply(s, request);
        s.createdAt = s.updatedAt;
        if (!stations.insertIfAbsent(s)) {
            throw ProblemException.conflict("Station " + request.id() + " is already registered");
        }
        events.publish(s);
        return Response.status(Response.Status.CREATED).entity(StationResponse.of(s)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(operationId = "updateStation", summary = "Change a station: move it, or bind it to another identity",
            description = "Role admin. Same body and rules as the registration; the id in the body must be the one in the"
                    + " path. Binding a station to a new subject is how a lost or stolen station token is shut out: from"
                    + " then on its uploads are refused and do not move lastSeenAt. Publishes StationUpserted on topic stations.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = StationRequest.class), examples = @ExampleObject(name = "rebind", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = StationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, or the body names another id")
    @APIResponse(responseCode = "404", description = "No such station")
    public StationResponse update(@PathParam("id") String id, @NotNull @Valid StationRequest request) {
        if (!request.id().equals(id)) {
            throw ProblemException.badRequest("id", "must be the id in the path; a station's id cannot change");
        }
        // Locked so concurrent changes commit, and publish, one after the other.
        Station s = stations.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("No station has id " + id));
        apply(s, request);
        events.publish(s);
        return StationResponse.of(s);
    }

    /** The registration's rules and fields, shared by create and change. */
    private void apply(Station s, StationRequest request) {
        Plot plot = plots.findByIdOptional(request.plotCode()).orElse(null);
        if (plot == null || !plot.isActive()) {
            throw ProblemException.badRequest("plotCode", plot == null ? "is not a known plot" : "plot " + plot.code + " is retired");
        }
        double lat = request.location().lat();
        double lon = request.location().lon();
        if (!JiaozuoArea.contains(lat, lon)) {
            throw ProblemException.badRequest("location", JiaozuoArea.outsideMessage(lat, lon));
        }
        s.type = request.type();
        s.plotCode = plot.code;
        s.lat = lat;
        s.lon = lon;
        s.installedOn = request.installedOn();
        s.subject = request.subject();
        s.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.STATION})
    @Transactional
    @Operation(operationId = "listStations", summary = "List stations, optionally only the silent ones",
            description = "Role reviewer, admin or station. Reviewers and admins get every station; a station token gets"
                    + " only the stations bound to its subject (a station's point and lastSeenAt locate its uploads, also"
                    + " those of sensitive species). With silentFor (ISO-8601 duration such as PT48H or P7D) only stations"
                    + " whose last upload is older than that are listed; a station that never uploaded counts from the start"
                    + " of its installation day (Asia/Shanghai), so a station installed today is not yet silent.")
    @APIResponse(responseCode = "200", description = "The stations this caller may read, by id")
    @APIResponse(responseCode = "400", description = "silentFor is not a positive ISO-8601 duration of at most 100 years")
    public List<StationResponse> list(
            @Parameter(example = "PT48H", description = "ISO-8601 duration, positive, at most P36500D (100 years)", schema = @Schema(type = SchemaType.STRING, format = "duration"))
                @QueryParam("silentFor") String silentFor,
            @Parameter(example = "410821-01") @QueryParam("plotCode") String plotCode) {
        Duration silence = parse(silentFor);
        Instant now = Instant.now();
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (plotCode != null) {
            query.append(" and plotCode = :plot");
            parameters.and("plot", plotCode);
        }
        if (!StationAccess.readsAll(roles())) {
            // A station token: the stations bound to it only.
            if (subject() == null) {
                return List.of();
            }
            query.append(" and subject = :subject");
            parameters.and("subject", subject());
        }
        return stations.list(query.toString(), Sort.by("id"), parameters)
                .stream()
                .filter(s -> silence == null || lastHeard(s).isBefore(now.minus(silence)))
                .map(StationResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.STATION})
    @Transactional
    @Operation(operationId = "getStation", summary = "One station",
            description = "Role reviewer, admin or station; a station token reads only the stations bound to its subject"
                    + " (403 for another station).")
    @APIResponse(responseCode = "200", description = "The station")
    @APIResponse(responseCode = "403", description = "Role other than reviewer, admin or station, or a station token"
            + " asking for a station bound to another identity")
    @APIResponse(responseCode = "404", description = "No such station")
    public StationResponse get(@PathParam("id") String id) {
        Station s = stations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No station has id " + id));
        if (!StationAccess.mayRead(roles(), subject(), s.subject)) {
            throw new ProblemException(403, "A station token reads only the stations bound to it");
        }
        return StationResponse.of(s);
    }

    private Set<String> roles() {
        return identity.getRoles();
    }

    /** The token's sub claim: what observation-service records as the observer, so what a binding names. */
    private String subject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : identity.getPrincipal().getName();
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
