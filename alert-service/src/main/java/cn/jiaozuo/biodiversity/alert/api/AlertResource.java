package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.Alert;
import cn.jiaozuo.biodiversity.alert.domain.AlertService;
import cn.jiaozuo.biodiversity.alert.domain.AlertStatus;
import cn.jiaozuo.biodiversity.alert.domain.ChecklistStep;
import cn.jiaozuo.biodiversity.alert.domain.RuleCode;
import cn.jiaozuo.biodiversity.alert.domain.Severity;
import cn.jiaozuo.biodiversity.alert.messaging.AlertStreamFeed;
import cn.jiaozuo.biodiversity.alert.repository.AlertSearch;
import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Invasive and protected species alerts and their lifecycle")
public class AlertResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final AlertService service;
    private final AlertStreamFeed feed;
    private final ObjectMapper json;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public AlertResource(AlertService service, AlertStreamFeed feed, ObjectMapper json, SecurityIdentity identity,
            JsonWebToken token) {
        this.service = service;
        this.feed = feed;
        this.json = json;
        this.identity = identity;
        this.token = token;
    }

    /** The filters shared by the listing and the stream. */
    record Filters(AlertStatus status, Severity severity, String countyCode, Long speciesId, RuleCode rule) {

        boolean matches(AlertSnapshot a) {
            return (status == null || status.name().equals(a.status()))
                    && (severity == null || severity.name().equals(a.severity()))
                    && (countyCode == null || countyCode.equals(a.countyCode()))
                    && (speciesId == null || speciesId.equals(a.speciesId()))
                    && (rule == null || rule.name().equals(a.rule()));
        }

        static Filters read(String status, String severity, String countyCode, String speciesId, String rule,
                List<Violation> violations) {
            String county = QueryValues.text("countyCode", countyCode, 20, violations);
            if (county != null && !JiaozuoCounty.isValid(county)) {
                violations.add(new Violation("countyCode", "is not a Jiaozuo county code (GB/T 2260)"));
                county = null;
            }
            return new Filters(QueryValues.enumValue("status", status, AlertStatus.class, violations),
                    QueryValues.enumValue("severity", severity, Severity.class, violations), county,
                    QueryValues.id("speciesId", speciesId, violations),
                    QueryValues.enumValue("rule", rule, RuleCode.class, violations));
        }
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "listAlerts", summary = "List alerts, newest first",
            description = "Staff only (roles reviewer, bureau, admin). Filters combine with AND; from/to select alerts"
                    + " whose observed period overlaps [from, to). Keyset pagination: pass the page's nextCursor as cursor.")
    @APIResponse(responseCode = "200", description = "A page of alerts",
            content = @Content(schema = @Schema(implementation = AlertPage.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter or cursor")
    public AlertPage list(
            @Parameter(description = "OPEN, ACKNOWLEDGED or RESOLVED", example = "OPEN") @QueryParam("status") String status,
            @Parameter(description = "INFO, MEDIUM, HIGH or CRITICAL", example = "CRITICAL") @QueryParam("severity") String severity,
            @Parameter(description = "GB/T 2260 county code", example = "410821") @QueryParam("countyCode") String countyCode,
            @Parameter(description = "Species id of the catalog (observation-service GET /species), e.g. 60 = 美国白蛾",
                    example = "60") @QueryParam("speciesId") String speciesId,
            @Parameter(description = "INVASIVE_SPECIES, PROTECTED_SPECIES, ENFORCEMENT, FOLLOW_UP_OVERDUE, DISEASE_CLUSTER or WILDLIFE_MORTALITY", example = "ENFORCEMENT") @QueryParam("rule") String rule,
            @Parameter(description = "ISO-8601 date-time with offset, in the years 1900–2199", example = "2026-06-01T00:00:00+08:00") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 date-time with offset, exclusive, in the years 1900–2199", example = "2026-07-01T00:00:00+08:00") @QueryParam("to") String to,
            @Parameter(description = "Page size, 1–200, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        List<Violation> violations = new ArrayList<>();
        Filters filters = Filters.read(status, severity, countyCode, speciesId, rule, violations);
        OffsetDateTime fromTime = QueryValues.dateTime("from", from, violations);
        OffsetDateTime toTime = QueryValues.dateTime("to", to, violations);
        Integer size = QueryValues.integer("limit", limit, 1, MAX_LIMIT, violations);
        PageCursor after = PageCursor.decode(cursor, violations);
        QueryValues.requireValid(violations);
        AlertService.Listing page = service.list(new AlertSearch(filters.status(), filters.severity(),
                filters.countyCode(), filters.speciesId(), filters.rule(), fromTime, toTime,
                after == null ? null : after.at(), after == null ? null : after.id(),
                size == null ? DEFAULT_LIMIT : size));
        List<Alert> alerts = page.alerts();
        return new AlertPage(alerts.stream().map(AlertView::summary).toList(),
                PageCursor.next(page.more(), alerts, a -> a.createdAt, a -> a.id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "getAlert", summary = "One alert with its observations and history", description = "Staff only (roles reviewer, bureau, admin).")
    @APIResponse(responseCode = "200", description = "The alert", content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "No such alert")
    public AlertView get(@PathParam("id") UUID id) {
        return AlertView.detail(service.find(id));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an OPEN alert",
            description = "Role bureau. OPEN → ACKNOWLEDGED; observations keep aggregating into it. Publishes AlertAcknowledged.")
    @APIResponse(responseCode = "200", description = "The acknowledged alert",
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "The alert is not OPEN")
    public AlertView acknowledge(@PathParam("id") UUID id, @Valid AcknowledgeRequest request) {
        return AlertView.detail(service.acknowledge(id, Caller.of(identity).subject(),
                request == null ? null : request.notes()));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "resolveAlert", summary = "Resolve an ACKNOWLEDGED alert",
            description = "Role bureau. ACKNOWLEDGED → RESOLVED with an action (ERADICATED, CONTAINED, FALSE_ALARM,"
                    + " MONITORING). Later observations raise a new alert. Publishes AlertResolved.")
    @APIResponse(responseCode = "200", description = "The resolved alert",
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown action")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "The alert is not ACKNOWLEDGED")
    public AlertView resolve(@PathParam("id") UUID id, @Valid @NotNull ResolveRequest request) {
        return AlertView.detail(service.resolve(id, Caller.of(identity).subject(), request.action(), request.notes()));
    }

    @PUT
    @Path("/{id}/checklist/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUREAU)
    @Operation(operationId = "completeChecklistStep", summary = "Record a step of a disease alert's emergency checklist",
            description = "Role bureau. On DISEASE_CLUSTER and WILDLIFE_MORTALITY alerts: ISOLATE_SITE, NOTIFY, SAMPLE or"
                    + " DISINFECT done, by the caller, now (with optional notes). Idempotent: a step done before keeps"
                    + " who did it first and when. Written to the alert's history; no alert event.")
    @APIResponse(responseCode = "200", description = "The alert with its checklist",
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "400", description = "Not a checklist step")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "The alert is not a disease alert")
    public AlertView completeChecklistStep(@PathParam("id") UUID id,
            @Parameter(description = "ISOLATE_SITE, NOTIFY, SAMPLE or DISINFECT", example = "ISOLATE_SITE")
            @PathParam("step") String step, @Valid ChecklistRequest request) {
        List<Violation> violations = new ArrayList<>();
        ChecklistStep done = QueryValues.enumValue("step", step, ChecklistStep.class, violations);
        QueryValues.requireValid(violations);
        String notes = request == null || request.notes() == null || request.notes().isBlank() ? null
                : request.notes().strip();
        return AlertView.detail(service.checklistStep(id, done, Caller.of(identity).subject(), notes));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "streamAlerts", summary = "Server-Sent Events of alert events",
            description = "Staff only (roles reviewer, bureau, admin). Each committed alert event (AlertRaised, AlertUpdated,"
                    + " AlertEscalated, AlertAcknowledged, AlertResolved) as one SSE event: event = type, id = eventId, data ="
                    + " the event envelope JSON. Filters as on GET /alerts. A ': connected' comment opens the stream and"
                    + " ': heartbeat' comments keep it alive. The stream ends (after a ': token expired' comment) when the"
                    + " token expires (its exp claim); reconnect with a fresh token. Events published while disconnected"
                    + " are not replayed; use GET /alerts.")
    @APIResponse(responseCode = "200", description = "A text/event-stream that lasts until the token expires",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "An invalid filter")
    public void stream(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("countyCode") String countyCode, @QueryParam("speciesId") String speciesId,
            @QueryParam("rule") String rule, @Context SseEventSink sink, @Context Sse sse) {
        List<Violation> violations = new ArrayList<>();
        Filters filters = Filters.read(status, severity, countyCode, speciesId, rule, violations);
        QueryValues.requireValid(violations);
        // The stream ends when the token does (its exp claim); the client reconnects with a fresh one.
        feed.register(new StreamListener(filters::matches, sink, sse), Instant.ofEpochSecond(token.getExpirationTime()));
        sink.send(sse.newEventBuilder().comment("connected").build());
    }

    /** One connected SSE client; unregisters itself once the client is gone. */
    private final class StreamListener implements AlertStreamFeed.Listener {

        private final Predicate<AlertSnapshot> filter;
        private final SseEventSink sink;
        private final Sse sse;

        StreamListener(Predicate<AlertSnapshot> filter, SseEventSink sink, Sse sse) {
            this.filter = filter;
            this.sink = sink;
            this.sse = sse;
        }

        @Override
        public void accept(EventEnvelope<AlertSnapshot> event) {
            if (closed() || !filter.test(event.data())) {
                return;
            }
            String data;
            try {
                data = json.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                return;
            }
            sink.send(sse.newEventBuilder().id(event.eventId().toString()).name(event.type())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build())
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            close();
                        }
                    });
        }

        @Override
        public void heartbeat() {
            if (!closed()) {
                sink.send(sse.newEventBuilder().comment("heartbeat").build()).whenComplete((ok, error) -> {
                    if (error != null) {
                        close();
                    }
                });
            }
        }

        @Override
        public void expired() {
            if (!sink.isClosed()) {
                sink.send(sse.newEventBuilder().comment("token expired").build()).whenComplete((ok, error) -> sink.close());
            }
        }

        private boolean closed() {
            if (sink.isClosed()) {
                feed.unregister(this);
                return true;
            }
            return false;
        }

        private void close() {
            feed.unregister(this);
            sink.close();
        }
    }
}
