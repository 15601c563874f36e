package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.problem.ProblemMappers;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.config.IntakeConfig;
import cn.jiaozuo.biodiversity.observation.domain.ObservationMethod;
import cn.jiaozuo.biodiversity.observation.domain.ObservationReader;
import cn.jiaozuo.biodiversity.observation.domain.ObservationService;
import cn.jiaozuo.biodiversity.observation.domain.ObservationService.ItemStatus;
import cn.jiaozuo.biodiversity.observation.domain.ObservationStatus;
import cn.jiaozuo.biodiversity.observation.domain.RecordObservation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/observations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Observations", description = "Sightings from rangers and monitoring stations, review and reads")
public class ObservationResource {

    static final String EXAMPLE_REQUEST = """
            {"uuid": "0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21", "speciesId": 3, "count": 4,
             "observedAt": "2025-05-14T06:12:00+08:00",
             "location": {"lat": 35.3321, "lon": 113.3604, "accuracyM": 12, "datum": "WGS84"},
             "countyCode": "410821", "method": "SIGHTING", "notes": "Troop of four on the cliff path"}""";
    static final String EXAMPLE_INVALID = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has 2 invalid fields",
             "instance": "/observations",
             "violations": [{"field": "count", "message": "must be greater than or equal to 1"},
                            {"field": "location", "message": "lies outside Jiaozuo; latitude and longitude look swapped"}]}""";

    private final ObservationService service;
    private final ObservationReader reader;
    private final IntakeConfig config;
    private final ObjectMapper json;
    private final SecurityIdentity identity;

    public ObservationResource(ObservationService service, ObservationReader reader, IntakeConfig config, ObjectMapper json,
            SecurityIdentity identity) {
        this.service = service;
        this.reader = reader;
        this.config = config;
        this.json = json;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.RANGER, Roles.STATION})
    @Operation(operationId = "createObservation", summary = "Record one observation",
            description = "Callers: ranger, station. The uuid is the idempotency key: send the same request again"
                    + " (offline retry) and get 200 with the stored record, no second row or event. The same uuid with"
                    + " other content or from another caller is a 409. GCJ02 points are converted to WGS-84.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the new record",
            content = @Content(schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "200", description = "A replay of a stored record (same uuid, content and caller)",
            content = @Content(schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = EXAMPLE_INVALID)))
    @APIResponse(responseCode = "409", description = "The uuid belongs to a different record or caller")
    public Response record(
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ObservationRequest.class),
                    examples = @ExampleObject(name = "sighting", value = EXAMPLE_REQUEST))) ObservationRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "an observation is required");
        }
        ObservationService.Recorded recorded = service.record(request.toCommand(), Caller.of(identity));
        ObservationView view = ObservationView.of(recorded.observation());
        if (recorded.created()) {
            return Response.created(URI.create("/observations/" + view.uuid())).entity(view).build();
        }
        return Response.ok(view).build();
    }

    @POST
    @Path("batch")
    @RolesAllowed({Roles.RANGER, Roles.STATION})
    @Operation(operationId = "submitBatch", summary = "Record up to 1000 observations at once",
            description = "Callers: station, ranger (an offline queue flushed at once). Each item follows the rules of"
                    + " POST /observations; valid items are stored in one transaction even when others are rejected."
                    + " Items are answered in request order as CREATED, DUPLICATE (a replay) or REJECTED with violations."
                    + " Retry only the REJECTED items after fixing them; re-sending the whole batch is safe too.")
    @APIResponse(responseCode = "200", description = "Every item was answered; see results",
            content = @Content(schema = @Schema(implementation = ObservationBatchView.class), examples = @ExampleObject(name = "mixed",
                    value = """
                            {"accepted": 1, "duplicates": 1, "rejected": 1, "results": [
                             {"index": 0, "uuid": "0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21", "status": "CREATED", "violations": null},
                             {"index": 1, "uuid": "5e0f4b1e-8d0a-4a4e-9c5d-2b6f1f1f2a10", "status": "DUPLICATE", "violations": null},
                             {"index": 2, "uuid": "7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "status": "REJECTED",
                              "violations": [{"field": "items[2].count", "message": "must be greater than or equal to 1"}]}]}""")))
    @APIResponse(responseCode = "400", description = "The body is not a batch (no items array)")
    @APIResponse(responseCode = "413", description = "More than 1000 items, or a body over 8 MB: split the batch")
    public ObservationBatchView recordBatch(ObservationBatchRequest request) {
        if (request == null || request.items() == null) {
            throw ProblemException.badRequest("items", "is required: {\"items\": [ … ]}");
        }
        int size = request.items().size();
        if (size > config.maxBatchSize()) {
            throw ProblemException.tooLarge("A batch holds at most " + config.maxBatchSize() + " items; this one has " + size
                    + ". Split it and send the parts one after the other.");
        }
        // Each item is read on its own, so one that cannot be read is rejected alone; the service takes the others.
        ObservationBatchView.ItemResult[] results = new ObservationBatchView.ItemResult[size];
        List<Integer> indexes = new ArrayList<>(size);
        List<RecordObservation> commands = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            JsonNode item = request.items().get(i);
            String prefix = "items[" + i + "]";
            if (item == null || !item.isObject()) {
                results[i] = rejected(i, item, new Violation(prefix, "must be an observation object"));
                continue;
            }
            try {
                commands.add(json.treeToValue(item, ObservationRequest.class).toCommand());
                indexes.add(i);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                results[i] = rejected(i, item, ProblemMappers.violation(prefix, e));
            }
        }
        List<ObservationService.ItemResult> recorded = service.recordAll(commands, Caller.of(identity));
        for (int k = 0; k < indexes.size(); k++) {
            int i = indexes.get(k);
            ObservationService.ItemResult r = recorded.get(k);
            results[i] = new ObservationBatchView.ItemResult(i, r.uuid(), r.status(), r.violations() == null ? null
                    : r.violations().stream().map(v -> new Violation("items[" + i + "]." + v.field(), v.message())).toList());
        }
        return ObservationBatchView.of(Arrays.asList(results));
    }

    @GET
    @PermitAll
    @Operation(operationId = "listObservations", summary = "List observations, newest first",
            description = "Callers: anyone, also without a token (the public and partner agencies). Records of sensitive"
                    + " species are generalized unless the caller is the observer, a reviewer or an admin: the 0.1° cell"
                    + " centre, the day (observedOn) instead of the time, a public id, and none of plotCode, stationId,"
                    + " method, source, observer, notes, media, recordedAt or review details (see the Observation schema)."
                    + " A filter on a field such a record does not show (plotCode, observer, method) leaves those records"
                    + " out; from and to compare them by the start of their day in China, and pages place them there"
                    + " too (so neither tells their time of day); they appear only from their release, the next midnight"
                    + " in China after they were recorded. Otherwise newest first by observedAt. Keyset"
                    + " pagination: pass nextCursor of a page as cursor to get the next one.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = ObservationPageView.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid")
    public ObservationPageView list(
            @BeanParam ObservationFilterParams filters,
            @Parameter(description = "UNVERIFIED, VERIFIED or REJECTED", schema = @Schema(implementation = ObservationStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Detection method. Leaves out the records this caller gets generalized (they do not show their method)", schema = @Schema(implementation = ObservationMethod.class)) @QueryParam("method") String method,
            @Parameter(description = "Page size, 1–500 (default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        ObservationQuery query = ObservationQuery.parse(filters.with(status, method, limit, cursor), config.defaultPageSize(),
                config.maxPageSize());
        return ObservationPageView.of(reader.select(query.filter(), Caller.of(identity)).page(query.after(), query.limit()));
    }

    @GET
    @Path("{uuid}")
    @PermitAll
    @Operation(operationId = "getObservation", summary = "Read one observation",
            description = "Callers: anyone, also without a token. Records of sensitive species are generalized unless the"
                    + " caller is the observer, a reviewer or an admin (coordinatesObscured says which you got; see the"
                    + " Observation schema). Those who get a record generalized address it by its public id (the uuid"
                    + " they were shown), and only from its release (the next midnight in China after it was recorded);"
                    + " before, and by its stored uuid, it answers 404 to them. The observer, reviewers and admins may use"
                    + " either id at once.")
    @APIResponse(responseCode = "200", description = "The observation", content = @Content(schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "400", description = "Not a UUID")
    @APIResponse(responseCode = "404", description = "No such observation, or the stored uuid of a record this caller gets generalized")
    public ObservationView get(@Parameter(example = "0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21") @PathParam("uuid") String uuid) {
        return reader.find(uuidParam(uuid), Caller.of(identity)).map(ObservationView::of)
                .orElseThrow(() -> ProblemException.notFound("No observation " + uuid));
    }

    @PATCH
    @Path("{uuid}/review")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "reviewObservation", summary = "Verify or reject an observation",
            description = "Callers: reviewer. Publishes ObservationReviewed; repeating the current decision changes nothing.")
    @APIResponse(responseCode = "200", description = "The reviewed observation (exact point: reviewers see it)",
            content = @Content(schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid status or comment")
    @APIResponse(responseCode = "404", description = "No such observation")
    public ObservationView review(@PathParam("uuid") String uuid,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ReviewRequest.class),
                    examples = @ExampleObject(name = "verify", value = "{\"status\": \"VERIFIED\", \"comment\": \"Clear photo\"}")))
            @Valid @NotNull ReviewRequest request) {
        return ObservationView.of(service.review(uuidParam(uuid), request.status(), request.comment(), Caller.of(identity)));
    }

    private static UUID uuidParam(String uuid) {
        try {
            return UUID.fromString(uuid);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("uuid", "must be a UUID");
        }
    }

    private static ObservationBatchView.ItemResult rejected(int index, JsonNode item, Violation why) {
        return new ObservationBatchView.ItemResult(index, uuidOf(item), ItemStatus.REJECTED, List.of(why));
    }

    /** The uuid of an item that could not be read, when it has a readable one. */
    private static UUID uuidOf(JsonNode item) {
        if (item != null && item.path("uuid").isTextual()) {
            try {
                return UUID.fromString(item.path("uuid").asText());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
