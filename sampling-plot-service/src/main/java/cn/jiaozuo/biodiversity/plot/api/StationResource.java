package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.domain.StationService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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

@Path("/stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stations", description = "Camera traps and acoustic recorders on plots, and which have gone silent")
public class StationResource {

    static final String EXAMPLE_REQUEST = """
            {"id": "CT-XW-0007", "type": "CAMERA_TRAP", "plotCode": "410821-01", "location": {"lat": 35.405, "lon": 113.205},
             "installedOn": "2025-03-20", "subject": "station-ct-xw-0007"}""";

    private final StationService stations;
    private final SecurityIdentity identity;

    public StationResource(StationService stations, SecurityIdentity identity) {
        this.stations = stations;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerStation", summary = "Register a monitoring station on an active plot, bound to the identity it uploads with",
            description = "Role admin. The id is the stationId its uploads carry; subject is the token subject (sub claim)"
                    + " it uploads with: observation-service accepts uploads naming the station only from that identity (or"
                    + " an admin), and only that identity's uploads move lastSeenAt. Publishes StationUpserted on topic"
                    + " stations (compacted, key = id).")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = StationRequest.class), examples = @ExampleObject(name = "camera", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "409", description = "A station with this id exists")
    public Response register(@NotNull @Valid StationRequest request) {
        return Response.status(Response.Status.CREATED).entity(StationView.of(stations.register(definition(request))))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateStation", summary = "Change a station: move it, or bind it to another identity",
            description = "Role admin. Same body and rules as the registration; the id in the body must be the one in the"
                    + " path. Binding a station to a new subject is how a lost or stolen station token is shut out: from"
                    + " then on its uploads are refused and do not move lastSeenAt. Publishes StationUpserted on topic stations.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = StationRequest.class), examples = @ExampleObject(name = "rebind", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, or the body names another id")
    @APIResponse(responseCode = "404", description = "No such station")
    public StationView update(@PathParam("id") String id, @NotNull @Valid StationRequest request) {
        return StationView.of(stations.update(id, definition(request)));
    }

    private static StationService.StationDefinition definition(StationRequest r) {
        return new StationService.StationDefinition(r.id(), r.type(), r.plotCode(), r.location().lat(), r.location().lon(),
                r.installedOn(), r.subject());
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.STATION})
    @Operation(operationId = "listStations", summary = "List stations, optionally only the silent ones",
            description = "Role reviewer, admin or station. Reviewers and admins get every station; a station token gets"
                    + " only the stations bound to its subject (a station's point and lastSeenAt locate its uploads, also"
                    + " those of sensitive species). With silentFor (ISO-8601 duration such as PT48H or P7D) only stations"
                    + " whose last upload is older than that are listed; a station that never uploaded counts from the start"
                    + " of its installation day (Asia/Shanghai), so a station installed today is not yet silent.")
    @APIResponse(responseCode = "200", description = "The stations this caller may read, by id")
    @APIResponse(responseCode = "400", description = "silentFor is not a positive ISO-8601 duration of at most 100 years")
    public List<StationView> list(
            @Parameter(example = "PT48H", description = "ISO-8601 duration, positive, at most P36500D (100 years)", schema = @Schema(type = SchemaType.STRING, format = "duration"))
                @QueryParam("silentFor") String silentFor,
            @Parameter(example = "410821-01") @QueryParam("plotCode") String plotCode) {
        List<Violation> violations = new ArrayList<>();
        // At most 100 years: "now minus" a longer one overflows Instant.
        Duration silence = QueryValues.duration("silentFor", silentFor, violations);
        String plot = QueryValues.text("plotCode", plotCode, 20, violations);
        QueryValues.requireValid(violations);
        return stations.list(Caller.of(identity), plot, silence).stream().map(StationView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.STATION})
    @Operation(operationId = "getStation", summary = "One station",
            description = "Role reviewer, admin or station; a station token reads only the stations bound to its subject"
                    + " (403 for another station).")
    @APIResponse(responseCode = "200", description = "The station")
    @APIResponse(responseCode = "403", description = "Role other than reviewer, admin or station, or a station token"
            + " asking for a station bound to another identity")
    @APIResponse(responseCode = "404", description = "No such station")
    public StationView get(@PathParam("id") String id) {
        return StationView.of(stations.get(id, Caller.of(identity)));
    }
}
