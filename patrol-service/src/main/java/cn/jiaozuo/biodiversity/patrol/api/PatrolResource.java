package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.patrol.domain.NewPatrol;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolRules;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/patrols")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patrols", description = "Ranger patrols: tracks, incidents, effort")
public class PatrolResource {

    static final String EXAMPLE_REQUEST = """
            {"uuid": "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f", "mandate": "ROUTINE", "transport": "FOOT", "countyCode": "410821",
             "team": ["ranger-xw-017", "ranger-xw-022"], "startedAt": "2025-05-14T07:30:00+08:00",
             "endedAt": "2025-05-14T12:10:00+08:00", "datum": "WGS84",
             "track": {"type": "LineString", "coordinates": [[113.3501, 35.4001], [113.3512, 35.4013], [113.3521, 35.4012]],
                       "times": ["2025-05-14T07:30:05+08:00", "2025-05-14T07:31:10+08:00", "2025-05-14T07:32:02+08:00"]},
             "notes": "沿茱萸峰北坡巡护，天气晴",
             "incidents": [{"type": "SNARE", "actionTaken": "REMOVED", "speciesId": 12,
                            "location": {"lat": 35.4012, "lon": 113.3521}, "observedAt": "2025-05-14T09:40:00+08:00",
                            "count": 3, "notes": "三处钢丝套，已拆除"}]}""";
    static final String EXAMPLE_INVALID = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has 2 invalid fields",
             "instance": "/patrols",
             "violations": [{"field": "incidents[0].observedAt", "message": "must lie within the patrol, startedAt to endedAt (give or take 30 minutes)"},
                            {"field": "track.coordinates[17]", "message": "longitude must lie within ±180 and latitude within ±90"}]}""";

    private final PatrolService service;
    private final PatrolMapper mapper;
    private final PatrolRules rules;
    private final SecurityIdentity identity;

    public PatrolResource(PatrolService service, PatrolMapper mapper, PatrolRules rules, SecurityIdentity identity) {
        this.service = service;
        this.mapper = mapper;
        this.rules = rules;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RANGER)
    @Transactional // the view of a replayed patrol reads its lazy collections
    @Operation(operationId = "recordPatrol", summary = "Record a patrol with its track and incidents",
            description = "Role ranger. The uuid is the idempotency key (offline-first, as for sightings): the same request"
                    + " again gets 200 with the stored patrol, no second patrol or event; the same uuid with other content or"
                    + " from another ranger is a 409. GCJ02 points are converted to WGS-84. The track is cleaned of GPS spikes"
                    + " and measured (see effort and droppedPoints). At most 50,000 track points, 500 incidents and 16 MB.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the patrol",
            content = @Content(schema = @Schema(implementation = PatrolView.class)))
    @APIResponse(responseCode = "200", description = "A replay of a stored patrol (same uuid, content and ranger)",
            content = @Content(schema = @Schema(implementation = PatrolView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = EXAMPLE_INVALID)))
    @APIResponse(responseCode = "409", description = "The uuid belongs to another patrol or another ranger")
    @APIResponse(responseCode = "413", description = "More than 50,000 track points or 500 incidents, or a body over 16 MB")
    public Response record(@RequestBody(content = @Content(schema = @Schema(implementation = PatrolRequest.class),
            examples = @ExampleObject(name = "patrol with a snare", value = EXAMPLE_REQUEST))) PatrolRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "a patrol is required");
        }
        rules.checkSize(TrackReader.count(request.track()), request.incidents() == null ? 0 : request.incidents().size());
        List<Violation> violations = new ArrayList<>();
        NewPatrol command = mapper.toCommand(request, violations);
        return respond(service.record(command, violations, Caller.of(identity), Instant.now()));
    }

    private Response respond(PatrolService.Recorded recorded) {
        PatrolView view = mapper.toView(recorded.patrol(), Caller.of(identity), true);
        if (recorded.created()) {
            return Response.created(URI.create("/patrols/" + view.uuid())).entity(view).build();
        }
        return Response.ok(view).build();
    }
}
