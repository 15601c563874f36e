package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.patrol.config.PatrolConfig;
import cn.jiaozuo.biodiversity.patrol.domain.Datum;
import cn.jiaozuo.biodiversity.patrol.domain.AddedIncident;
import cn.jiaozuo.biodiversity.patrol.domain.Mandate;
import cn.jiaozuo.biodiversity.patrol.domain.NewIncident;
import cn.jiaozuo.biodiversity.patrol.domain.NewPatrol;
import cn.jiaozuo.biodiversity.patrol.domain.Patrol;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolAccess;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolFilter;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolRules;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolService;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolSource;
import cn.jiaozuo.biodiversity.patrol.domain.TrackJson;
import cn.jiaozuo.biodiversity.patrol.domain.Transport;
import cn.jiaozuo.biodiversity.patrol.repository.PatrolRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    static final String GPX = "application/gpx+xml";
    static final String GEOJSON = "application/geo+json";
    static final String EXAMPLE_GPX = """
            <?xml version="1.0" encoding="UTF-8" standalone="no" ?>
            <gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
                 creator="GPSMAP 66i" version="1.1">
              <metadata><time>2025-05-14T04:12:09Z</time></metadata>
              <wpt lat="35.401200" lon="113.352100"><ele>834.1</ele><time>2025-05-14T01:40:00Z</time><name>SNARE 003</name>
                <cmt>钢丝套 x3</cmt><sym>Flag, Red</sym></wpt>
              <trk><name>Current Track: 14 MAY 2025 07:30</name><trkseg>
                <trkpt lat="35.400100" lon="113.350100"><ele>812.3</ele><time>2025-05-13T23:30:05Z</time></trkpt>
                <trkpt lat="35.401300" lon="113.351200"><ele>820.0</ele><time>2025-05-13T23:31:10Z</time></trkpt>
              </trkseg></trk>
            </gpx>""";

    private final PatrolService service;
    private final PatrolRepository patrols;
    private final PatrolMapper mapper;
    private final PatrolRules rules;
    private final PatrolConfig config;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public PatrolResource(PatrolService service, PatrolRepository patrols, PatrolMapper mapper, PatrolRules rules,
            PatrolConfig config, SecurityIdentity identity, ObjectMapper json) {
        this.json = json;
        this.service = service;
        this.patrols = patrols;
        this.mapper = mapper;
        this.rules = rules;
        this.config = config;
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

    @POST
    @Path("gpx")
    @Consumes(GPX)
    @RolesAllowed(Roles.RANGER)
    @Transactional // the view of a replayed patrol reads its lazy collections
    @Operation(operationId = "uploadPatrolGpx", summary = "Record a patrol from a GPX 1.1 file",
            description = "Role ranger. The body is a GPX 1.1 file as a handheld GPS unit (Garmin eTrex, GPSMAP …) or an app"
                    + " exports it; what the file cannot say comes as query parameters. Each trk/trkseg becomes a line of the"
                    + " track (trkpt with their times); each waypoint (wpt) becomes a candidate incident (see candidates),"
                    + " with suggestedType when its type, name or description names one. Idempotent per file and ranger:"
                    + " the same file again answers 200 with the stored patrol; the same file with other parameters is a"
                    + " 409. A file that is not GPX 1.1 or holds no track point is a 400 on body naming the problem. The"
                    + " track is cleaned and measured as for POST /patrols. At most 50,000 track points, 500 waypoints and 16 MB.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the patrol",
            content = @Content(schema = @Schema(implementation = PatrolView.class)))
    @APIResponse(responseCode = "200", description = "A replay: this ranger uploaded this file before with the same parameters",
            content = @Content(schema = @Schema(implementation = PatrolView.class)))
    @APIResponse(responseCode = "400", description = "Unreadable GPX (violation on body) or invalid parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not GPX", value = """
                            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has an invalid field",
                             "instance": "/patrols/gpx", "violations": [{"field": "body", "message":
                             "is not a GPX 1.1 file: ParseError at [row,col]:[12,7] Message: The element type \\"trkpt\\" must be terminated by the matching end-tag \\"</trkpt>\\"."}]}""")))
    @APIResponse(responseCode = "409", description = "This ranger uploaded this file before with other parameters")
    @APIResponse(responseCode = "413", description = "More than 50,000 track points or 500 waypoints, or a file over 16 MB")
    public Response uploadGpx(
            @Parameter(required = true, example = "ROUTINE", schema = @Schema(implementation = Mandate.class)) @QueryParam("mandate") String mandate,
            @Parameter(required = true, example = "FOOT", schema = @Schema(implementation = Transport.class)) @QueryParam("transport") String transport,
            @Parameter(required = true, example = "410821", description = "GB/T 2260 code of the county responsible") @QueryParam("countyCode") String countyCode,
            @Parameter(description = "Token subjects of the team, repeated (team=ranger-xw-017&team=ranger-xw-022); the uploading ranger alone when absent")
                @QueryParam("team") List<String> team,
            @Parameter(example = "2025-05-14T07:30:00+08:00", description = "The first track point's time when absent",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("startedAt") String startedAt,
            @Parameter(example = "2025-05-14T12:10:00+08:00", description = "The last track point's time when absent",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("endedAt") String endedAt,
            @Parameter(example = "WGS84", description = "GPX is WGS-84 by definition; GCJ02 for files exported by apps that write their map's datum",
                    schema = @Schema(implementation = Datum.class)) @QueryParam("datum") String datum,
            @Parameter(example = "沿茱萸峰北坡巡护") @QueryParam("notes") String notes,
            @RequestBody(content = @Content(mediaType = GPX, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "Garmin GPSMAP", value = EXAMPLE_GPX))) byte[] file) {
        if (file == null || file.length == 0) {
            throw ProblemException.badRequest("body", "a GPX 1.1 file is required");
        }
        rules.checkSize(GpxReader.countTrackPoints(file), 0);
        GpxReader.GpxContent gpx;
        try {
            gpx = GpxReader.read(file);
        } catch (GpxReader.UnreadableGpxException e) {
            throw ProblemException.badRequest("body", e.getMessage());
        }
        rules.checkSize(gpx.pointCount(), gpx.waypoints().size());
        Caller caller = Caller.of(identity);
        List<Violation> violations = new ArrayList<>();
        Mandate m = QueryValues.enumValue("mandate", mandate, Mandate.class, violations);
        Transport t = QueryValues.enumValue("transport", transport, Transport.class, violations);
        Datum d = QueryValues.enumValue("datum", datum, Datum.class, violations);
        String county = QueryValues.text("countyCode", countyCode, 6, violations);
        OffsetDateTime start = QueryValues.dateTime("startedAt", startedAt, violations);
        OffsetDateTime end = QueryValues.dateTime("endedAt", endedAt, violations);
        String note = QueryValues.text("notes", notes, 2000, violations);
        required("mandate", mandate, violations);
        required("transport", transport, violations);
        required("countyCode", countyCode, violations);
        List<String> members = new ArrayList<>();
        for (int i = 0; team != null && i < team.size(); i++) {
            String member = QueryValues.text("team[" + i + "]", team.get(i), 200, violations);
            if (member != null) {
                members.add(member);
            }
        }
        if (members.isEmpty()) {
            members.add(caller.subject());
        }
        Instant from = start != null ? start.toInstant() : gpx.first();
        Instant to = end != null ? end.toInstant() : gpx.last();
        if (from == null && start == null && startedAt == null) {
            violations.add(new Violation("startedAt", "is required: the file's track points have no times"));
        }
        if (to == null && end == null && endedAt == null) {
            violations.add(new Violation("endedAt", "is required: the file's track points have no times"));
        }
        NewPatrol command = new NewPatrol(null, PatrolSource.GPX, m, t, county, members, from, to, d, gpx.segments(), note,
                List.of(), gpx.waypoints(), sha256(file));
        return respond(service.record(command, violations, caller, Instant.now()));
    }

    private static void required(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
        }
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @GET
    @RolesAllowed({Roles.RANGER, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Transactional
    @Operation(operationId = "listPatrols", summary = "List patrols, newest first",
            description = "Roles ranger, reviewer, bureau, admin. Summaries only (detail SUMMARY: no notes, track or incidents;"
                    + " read one patrol for those). Filters combine; from and to bound startedAt ([from, to)); ranger matches a"
                    + " team member or the ranger who recorded the patrol; plotCode and protectedAreaId match patrols whose track"
                    + " entered that plot or protected area. Keyset pagination: pass nextCursor as cursor.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = PatrolPage.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid")
    public PatrolPage list(
            @Parameter(example = "410821", description = "GB/T 2260 code of the declared county") @QueryParam("countyCode") String countyCode,
            @Parameter(example = "ranger-xw-017", description = "Token subject of a team member") @QueryParam("ranger") String ranger,
            @Parameter(example = "ROUTINE", schema = @Schema(implementation = Mandate.class)) @QueryParam("mandate") String mandate,
            @Parameter(example = "410821-01", description = "Code of a sampling plot the track entered")
                @QueryParam("plotCode") String plotCode,
            @Parameter(example = "taihang-macaque-nnr", description = "Id of a protected area the track entered")
                @QueryParam("protectedAreaId") String protectedAreaId,
            @Parameter(example = "2025-05-01T00:00:00+08:00", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                @QueryParam("from") String from,
            @Parameter(example = "2025-06-01T00:00:00+08:00", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                @QueryParam("to") String to,
            @Parameter(description = "Page size, 1–500 (default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
                @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        List<Violation> violations = new ArrayList<>();
        String county = QueryValues.text("countyCode", countyCode, 6, violations);
        String member = QueryValues.text("ranger", ranger, 200, violations);
        Mandate m = QueryValues.enumValue("mandate", mandate, Mandate.class, violations);
        String plot = QueryValues.text("plotCode", plotCode, 60, violations);
        String area = QueryValues.text("protectedAreaId", protectedAreaId, 60, violations);
        OffsetDateTime since = QueryValues.dateTime("from", from, violations);
        OffsetDateTime until = QueryValues.dateTime("to", to, violations);
        Integer size = QueryValues.integer("limit", limit, 1, config.maxPageSize(), violations);
        PatrolCursor after = PatrolCursor.decode(cursor, violations);
        QueryValues.requireValid(violations);
        int pageSize = size == null ? config.defaultPageSize() : size;
        List<Patrol> rows = patrols.page(new PatrolFilter(county, member, m, plot, area, since == null ? null : since.toInstant(),
                until == null ? null : until.toInstant(), after == null ? null : after.startedAt(),
                after == null ? null : after.uuid()), pageSize + 1);
        Caller caller = Caller.of(identity);
        List<PatrolView> items = mapper.toSummaries(rows.stream().limit(pageSize).toList(), caller);
        String next = rows.size() > pageSize ? new PatrolCursor(rows.get(pageSize - 1).startedAt, rows.get(pageSize - 1).uuid).encode() : null;
        return new PatrolPage(items, next);
    }

    @GET
    @Path("{uuid}")
    @RolesAllowed({Roles.RANGER, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Transactional
    @Operation(operationId = "getPatrol", summary = "One patrol",
            description = "Roles ranger, reviewer, bureau, admin. FULL (notes, track, droppedPoints, incidents, candidates) for"
                    + " reviewers, bureau staff, admins, the ranger who recorded the patrol and its team; SUMMARY for other rangers:"
                    + " a track is a map of where rangers are and where the animals are.")
    @APIResponse(responseCode = "200", description = "The patrol", content = @Content(schema = @Schema(implementation = PatrolView.class)))
    @APIResponse(responseCode = "404", description = "No such patrol")
    public PatrolView get(@Parameter(example = "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f") @PathParam("uuid") String uuid) {
        return mapper.toView(find(uuid), Caller.of(identity), true);
    }

    @GET
    @Path("{uuid}.gpx")
    @Produces(GPX)
    @RolesAllowed({Roles.RANGER, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Transactional
    @Operation(operationId = "getPatrolGpx", summary = "One patrol as GPX 1.1",
            description = "Roles ranger, reviewer, bureau, admin; only those who see the patrol in FULL (others get 404). One trk"
                    + " of the kept track with times; incidents (type as name and type) and GPX waypoints as wpt. WGS-84.")
    @APIResponse(responseCode = "200", description = "The GPX file",
            content = @Content(mediaType = GPX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such patrol, or not one this caller may see in full")
    public Response gpx(@Parameter(example = "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f") @PathParam("uuid") String uuid) {
        Patrol patrol = findInFull(uuid);
        byte[] file = GpxWriter.write(patrol, TrackJson.lines(patrols.track(patrol.uuid).lines));
        return Response.ok(file, GPX).header("Content-Disposition", "attachment; filename=\"patrol-" + patrol.uuid + ".gpx\"").build();
    }

    @GET
    @Path("{uuid}.geojson")
    @Produces(GEOJSON)
    @RolesAllowed({Roles.RANGER, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Transactional
    @Operation(operationId = "getPatrolGeoJson", summary = "One patrol as GeoJSON",
            description = "Roles ranger, reviewer, bureau, admin; only those who see the patrol in FULL (others get 404). A"
                    + " FeatureCollection: the kept track, each incident and each GPX waypoint. WGS-84.")
    @APIResponse(responseCode = "200", description = "The FeatureCollection",
            content = @Content(mediaType = GEOJSON, schema = @Schema(implementation = GeoJsonView.class)))
    @APIResponse(responseCode = "404", description = "No such patrol, or not one this caller may see in full")
    public GeoJsonView geoJson(@Parameter(example = "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f") @PathParam("uuid") String uuid) {
        Patrol patrol = findInFull(uuid);
        return mapper.toGeoJson(patrol, TrackJson.lines(patrols.track(patrol.uuid).lines));
    }

    @POST
    @Path("{uuid}/incidents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RANGER)
    @Transactional
    @Operation(operationId = "addPatrolIncidents", summary = "Add incidents to a stored patrol",
            description = "Role ranger: the ranger who recorded the patrol or a member of its team (anyone else 403). The body is"
                    + " one incident or a list, each with the client's uuid (offline-first): the same incident again answers 200,"
                    + " the same uuid with other content, on another patrol or from another ranger is a 409. The rules of incidents"
                    + " sent with a patrol apply (observedAt within the patrol, give or take 30 minutes; a point in Jiaozuo); every"
                    + " broken rule is named, [i].field for a list. Each new incident raises IncidentReported on topic patrols.")
    @APIResponse(responseCode = "201", description = "At least one incident is new; Location names the patrol",
            content = @Content(schema = @Schema(implementation = AddedIncidentsView.class)))
    @APIResponse(responseCode = "200", description = "A replay: every incident was stored before with the same content",
            content = @Content(schema = @Schema(implementation = AddedIncidentsView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside the patrol", value = """
                            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has an invalid field",
                             "instance": "/patrols/3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f/incidents", "violations": [{"field": "observedAt",
                             "message": "must lie within the patrol, startedAt to endedAt (give or take 30 minutes)"}]}""")))
    @APIResponse(responseCode = "403", description = "Not the patrol's recorder or a member of its team")
    @APIResponse(responseCode = "404", description = "No such patrol")
    @APIResponse(responseCode = "409", description = "An incident's uuid is taken by other content, another patrol or another ranger")
    @APIResponse(responseCode = "413", description = "The patrol would hold more than 500 incidents")
    public Response addIncidents(@Parameter(example = "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f") @PathParam("uuid") String uuid,
            @RequestBody(content = @Content(schema = @Schema(oneOf = {AddedIncidentRequest.class, AddedIncidentRequest[].class}),
                    examples = @ExampleObject(name = "a snare found on the way back", value = """
                            {"uuid": "0b6f1c2a-3d4e-4f50-8a9b-1c2d3e4f5a6b", "type": "SNARE", "actionTaken": "REMOVED",
                             "location": {"lat": 35.4031, "lon": 113.3538}, "observedAt": "2025-05-14T11:52:00+08:00",
                             "count": 1, "notes": "回程发现钢丝套一处"}"""))) JsonNode body) throws JsonMappingException {
        UUID id = uuid(uuid);
        if (body == null || body.isNull() || !(body.isObject() || body.isArray())) {
            throw ProblemException.badRequest("body", "one incident or a list of incidents is required");
        }
        boolean asList = body.isArray();
        if (asList && body.isEmpty()) {
            throw ProblemException.badRequest("body", "the list holds no incident");
        }
        if (asList && body.size() > config.maxIncidents()) {
            throw ProblemException.tooLarge("A patrol holds at most " + config.maxIncidents() + " incidents; the request adds "
                    + body.size() + ".");
        }
        List<AddedIncidentRequest> requests = new ArrayList<>();
        for (int i = 0; i < (asList ? body.size() : 1); i++) {
            try {
                requests.add(json.treeToValue(asList ? body.get(i) : body, AddedIncidentRequest.class));
            } catch (JsonMappingException e) {
                if (asList) {
                    e.prependPath(body, i);
                }
                throw e;
            } catch (JsonProcessingException e) {
                throw ProblemException.badRequest(asList ? "[" + i + "]" : "body", "is not an incident");
            }
        }
        List<Violation> violations = new ArrayList<>();
        List<AddedIncident> added = mapper.toAdded(requests, asList, violations);
        Caller caller = Caller.of(identity);
        PatrolService.Added result = service.addIncidents(id, added, asList, violations, caller, Instant.now());
        AddedIncidentsView view = new AddedIncidentsView(id, result.patrol().incidentCount,
                result.incidents().stream().map(PatrolMapper::incident).toList());
        return result.created() ? Response.created(URI.create("/patrols/" + id)).entity(view).build() : Response.ok(view).build();
    }

    @POST
    @Path("{uuid}/candidates/{position}/incident")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RANGER)
    @Transactional
    @Operation(operationId = "confirmPatrolCandidate", summary = "Confirm a GPX waypoint as an incident",
            description = "Role ranger: the ranger who recorded the patrol or a member of its team (anyone else 403). The waypoint"
                    + " (candidates[].position) becomes an incident at its point and time with the type and details given; the"
                    + " candidate then names it (incidentUuid). Once only: a second confirmation is a 409. A waypoint without a"
                    + " time, or one outside the patrol's time, cannot be confirmed (400). Raises IncidentReported on topic patrols.")
    @APIResponse(responseCode = "201", description = "The incident; Location names the patrol",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a waypoint without a usable time (observedAt)")
    @APIResponse(responseCode = "403", description = "Not the patrol's recorder or a member of its team")
    @APIResponse(responseCode = "404", description = "No such patrol or waypoint candidate")
    @APIResponse(responseCode = "409", description = "The candidate was confirmed before")
    public Response confirmCandidate(@Parameter(example = "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f") @PathParam("uuid") String uuid,
            @Parameter(example = "0", description = "The candidate's position among the file's waypoints",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @PathParam("position") String position,
            @RequestBody(content = @Content(schema = @Schema(implementation = CandidateConfirmationRequest.class),
                    examples = @ExampleObject(name = "a snare", value = """
                            {"type": "SNARE", "actionTaken": "REMOVED", "count": 3, "notes": "三处钢丝套，已拆除"}""")))
            CandidateConfirmationRequest request) {
        UUID id = uuid(uuid);
        List<Violation> violations = new ArrayList<>();
        Integer at = QueryValues.integer("position", position, 0, Integer.MAX_VALUE, violations);
        if (request == null) {
            violations.add(new Violation("body", "what the waypoint was (at least type) is required"));
        }
        QueryValues.requireValid(violations);
        NewIncident details = mapper.toDetails(request, violations);
        PatrolService.Added result = service.confirmCandidate(id, at, details, violations, Caller.of(identity), Instant.now());
        return Response.created(URI.create("/patrols/" + id)).entity(PatrolMapper.incident(result.incidents().get(0))).build();
    }

    private static UUID uuid(String uuid) {
        try {
            return UUID.fromString(uuid.strip());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("uuid", "must be a UUID");
        }
    }

    private Patrol find(String uuid) {
        UUID id = uuid(uuid);
        return patrols.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No patrol " + id));
    }

    private Patrol findInFull(String uuid) {
        Patrol patrol = find(uuid);
        if (!PatrolAccess.mayReadDetails(patrol, Caller.of(identity))) {
            throw ProblemException.notFound("No patrol " + patrol.uuid);
        }
        return patrol;
    }

    private Response respond(PatrolService.Recorded recorded) {
        PatrolView view = mapper.toView(recorded.patrol(), Caller.of(identity), true);
        if (recorded.created()) {
            return Response.created(URI.create("/patrols/" + view.uuid())).entity(view).build();
        }
        return Response.ok(view).build();
    }
}
