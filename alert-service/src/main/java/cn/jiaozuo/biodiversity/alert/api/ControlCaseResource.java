package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.CaseArea;
import cn.jiaozuo.biodiversity.alert.domain.ControlCase;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseService;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatus;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseUpdate;
import cn.jiaozuo.biodiversity.alert.domain.NewControlAction;
import cn.jiaozuo.biodiversity.alert.domain.NewControlCase;
import cn.jiaozuo.biodiversity.alert.domain.NewFollowUp;
import cn.jiaozuo.biodiversity.alert.repository.ControlCaseSearch;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/control-cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Control cases", description = "Invasive-species control: cases, control actions, follow-up surveys (docs/control-cases.md)")
public class ControlCaseResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ControlCaseService service;
    private final ObjectMapper json;
    private final SecurityIdentity identity;

    public ControlCaseResource(ControlCaseService service, ObjectMapper json, SecurityIdentity identity) {
        this.service = service;
        this.json = json;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "openControlCase", summary = "Open a control case",
            description = "Roles bureau, admin. From an INVASIVE_SPECIES alert (alertId: species, county and point are the"
                    + " alert's; outline or radiusM may give the area, else a circle of 100 m) or directly (speciesId,"
                    + " scientificName, countyCode, severity, and outline or point + radiusM). The responsible unit is"
                    + " responsibleOrg, else the caller's org. Status DETECTED. Publishes ControlCaseOpened.")
    @APIResponse(responseCode = "201", description = "The case", content = @Content(schema = @Schema(implementation = ControlCaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all of them in violations)")
    @APIResponse(responseCode = "409", description = "The alert already has a case")
    public Response open(@Valid @NotNull ControlCaseRequest request) {
        Caller caller = Caller.of(identity);
        List<Violation> violations = new ArrayList<>();
        CaseArea area = request.outline() == null ? null : CaseArea.polygon(request.outline(), "outline", violations);
        if (request.alertId() != null) {
            for (String field : new String[] {"speciesId", "scientificName", "chineseName", "countyCode", "point"}) {
                if (given(request, field)) {
                    violations.add(new Violation(field, "must be omitted with alertId: the alert's is taken"));
                }
            }
            if (request.outline() != null && request.radiusM() != null) {
                violations.add(new Violation("radiusM", "must be omitted with an outline"));
            }
        } else {
            if (request.speciesId() == null) {
                violations.add(new Violation("speciesId", "is required without alertId"));
            }
            if (request.scientificName() == null || request.scientificName().isBlank()) {
                violations.add(new Violation("scientificName", "is required without alertId"));
            }
            if (request.countyCode() == null) {
                violations.add(new Violation("countyCode", "is required without alertId"));
            } else if (!JiaozuoCounty.isValid(request.countyCode())) {
                violations.add(new Violation("countyCode", "is not a Jiaozuo county code (GB/T 2260)"));
            }
            if (request.severity() == null) {
                violations.add(new Violation("severity", "is required without alertId"));
            }
            if (request.outline() != null && (request.point() != null || request.radiusM() != null)) {
                violations.add(new Violation("outline", "give an outline, or point and radiusM, not both"));
            } else if (request.outline() == null) {
                if (request.point() == null) {
                    violations.add(new Violation("point", "is required without alertId or outline"));
                }
                if (request.radiusM() == null) {
                    violations.add(new Violation("radiusM", "is required with point"));
                }
                if (request.point() != null && request.radiusM() != null && request.point().lat() != null
                        && request.point().lon() != null) {
                    area = CaseArea.circle(request.point().lat(), request.point().lon(), request.radiusM());
                }
            }
        }
        String org = request.responsibleOrg() != null && !request.responsibleOrg().isBlank()
                ? request.responsibleOrg().strip() : caller.org();
        if (org == null) {
            violations.add(new Violation("responsibleOrg", "is required when the caller's token names no org"));
        }
        QueryValues.requireValid(violations);
        ControlCaseService.Detail detail = service.open(new NewControlCase(request.alertId(), request.speciesId(),
                strip(request.scientificName()), strip(request.chineseName()), request.countyCode(), area,
                request.radiusM(), request.severity(), org, request.notes()), caller);
        return Response.status(Response.Status.CREATED).entity(ControlCaseView.detail(detail, json)).build();
    }

    @GET
    @RolesAllowed({Roles.RANGER, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "listControlCases", summary = "List control cases, newest first",
            description = "Staff only (roles ranger, reviewer, bureau, admin). Filters combine with AND. Keyset pagination: pass"
                    + " the page's nextCursor as cursor.")
    @APIResponse(responseCode = "200", description = "A page of cases", content = @Content(schema = @Schema(implementation = ControlCasePage.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter or cursor")
    public ControlCasePage list(
            @Parameter(description = "GB/T 2260 county code", example = "410825") @QueryParam("countyCode") String countyCode,
            @Parameter(description = "Catalog species id", example = "60") @QueryParam("speciesId") String speciesId,
            @Parameter(description = "DETECTED, UNDER_CONTROL, CONTROLLED, ERADICATED or CLOSED", example = "UNDER_CONTROL")
            @QueryParam("status") String status,
            @Parameter(description = "Page size, 1–200, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        List<Violation> violations = new ArrayList<>();
        String county = county(countyCode, violations);
        Long species = QueryValues.id("speciesId", speciesId, violations);
        ControlCaseStatus wanted = QueryValues.enumValue("status", status, ControlCaseStatus.class, violations);
        Integer size = QueryValues.integer("limit", limit, 1, MAX_LIMIT, violations);
        PageCursor after = PageCursor.decode(cursor, violations);
        QueryValues.requireValid(violations);
        ControlCaseService.Listing page = service.list(new ControlCaseSearch(county, species, wanted,
                after == null ? null : after.at(), after == null ? null : after.id(),
                size == null ? DEFAULT_LIMIT : size));
        List<ControlCase> cases = page.cases();
        return new ControlCasePage(cases.stream().map(c -> ControlCaseView.summary(c, json)).toList(),
                PageCursor.next(page.more(), cases, c -> c.openedAt, c -> c.id));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.RANGER, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "summarizeControlCases", summary = "Control cases per county and species",
            description = "Staff only (roles ranger, reviewer, bureau, admin). Per county and species with an open case or a case"
                    + " eradicated this calendar year: open cases, infested vs treated area, days since the latest action,"
                    + " cases eradicated this year.")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(schema = @Schema(implementation = ControlCaseSummaryView.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter")
    public ControlCaseSummaryView summary(
            @Parameter(description = "GB/T 2260 county code", example = "410825") @QueryParam("countyCode") String countyCode,
            @Parameter(description = "Catalog species id", example = "60") @QueryParam("speciesId") String speciesId) {
        List<Violation> violations = new ArrayList<>();
        String county = county(countyCode, violations);
        Long species = QueryValues.id("speciesId", speciesId, violations);
        QueryValues.requireValid(violations);
        ControlCaseService.Summary summary = service.summary(county, species);
        LocalDate today = summary.today();
        return new ControlCaseSummaryView(today, summary.rows().stream().map(r -> new ControlCaseSummaryView.Row(
                r.countyCode(), r.speciesId(), r.scientificName(), r.chineseName(), r.openCases(), r.infestedAreaHa(),
                r.treatedAreaHa(), r.lastActionOn() == null ? null : ChronoUnit.DAYS.between(r.lastActionOn(), today),
                r.eradicatedThisYear())).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RANGER, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "getControlCase", summary = "One control case with its actions and follow-ups",
            description = "Staff only (roles ranger, reviewer, bureau, admin).")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = ControlCaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case")
    public ControlCaseView get(@PathParam("id") UUID id) {
        return ControlCaseView.detail(service.find(id), json);
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RANGER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "recordControlAction", summary = "Record a control action",
            description = "Roles ranger (field teams and contractors), bureau, admin. The first action puts a DETECTED case"
                    + " UNDER_CONTROL. Idempotent on uuid: the same action again is 200 with the case, a different one 409."
                    + " Publishes ControlActionRecorded (and ControlCaseStatusChanged).")
    @APIResponse(responseCode = "201", description = "Recorded; the case afterwards", content = @Content(schema = @Schema(implementation = ControlCaseView.class)))
    @APIResponse(responseCode = "200", description = "A replay of an action recorded before; the case", content = @Content(schema = @Schema(implementation = ControlCaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "Another action under this uuid, or the case is ERADICATED")
    public Response recordAction(@PathParam("id") UUID id, @Valid @NotNull ControlActionRequest request) {
        List<Violation> violations = new ArrayList<>();
        day("performedOn", request.performedOn(), violations);
        Double treated = request.treatedAreaHa();
        String outline = null;
        if (request.treatedOutline() != null) {
            if (treated != null) {
                violations.add(new Violation("treatedAreaHa", "must be omitted with treatedOutline (its area is taken)"));
            }
            CaseArea area = CaseArea.polygon(request.treatedOutline(), "treatedOutline", violations);
            if (area != null) {
                treated = area.areaHa();
                outline = area.outline();
            }
        } else if (treated == null) {
            violations.add(new Violation("treatedAreaHa", "is required without treatedOutline"));
        }
        if (request.quantity() != null && (request.unit() == null || request.unit().isBlank())) {
            violations.add(new Violation("unit", "is required with quantity"));
        }
        QueryValues.requireValid(violations);
        ControlCaseService.Recorded recorded = service.recordAction(id, new NewControlAction(request.uuid(),
                request.performedOn(), request.method(), treated, outline, request.quantity(), strip(request.unit()),
                strip(request.team()), request.notes()), Caller.of(identity));
        return recorded(recorded);
    }

    @POST
    @Path("/{id}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RANGER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "recordFollowUp", summary = "Record a follow-up survey",
            description = "Roles ranger, bureau, admin. Negative: CONTROLLED, or ERADICATED once the species' streak of"
                    + " negative follow-ups is complete; positive: a CONTROLLED or ERADICATED case is UNDER_CONTROL again."
                    + " Idempotent on uuid as actions are. Publishes ControlCaseStatusChanged when the status changes.")
    @APIResponse(responseCode = "201", description = "Recorded; the case afterwards", content = @Content(schema = @Schema(implementation = ControlCaseView.class)))
    @APIResponse(responseCode = "200", description = "A replay of a follow-up recorded before; the case", content = @Content(schema = @Schema(implementation = ControlCaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "Another follow-up under this uuid")
    public Response recordFollowUp(@PathParam("id") UUID id, @Valid @NotNull FollowUpRequest request) {
        List<Violation> violations = new ArrayList<>();
        day("surveyedOn", request.surveyedOn(), violations);
        QueryValues.requireValid(violations);
        ControlCaseService.Recorded recorded = service.recordFollowUp(id, new NewFollowUp(request.uuid(),
                request.surveyedOn(), request.found(), request.density(), request.notes()), Caller.of(identity));
        return recorded(recorded);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "updateControlCase", summary = "Change a case's area, severity or responsible unit",
            description = "Roles bureau, admin. Omitted fields stay. The area: an outline, or radiusM (around point, or"
                    + " around the case's point); not both. Only open cases (not ERADICATED or CLOSED). Publishes"
                    + " ControlCaseUpdated.")
    @APIResponse(responseCode = "200", description = "The case afterwards", content = @Content(schema = @Schema(implementation = ControlCaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or nothing to change")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "The case is ERADICATED or CLOSED")
    public ControlCaseView update(@PathParam("id") UUID id, @Valid @NotNull ControlCaseUpdateRequest request) {
        List<Violation> violations = new ArrayList<>();
        CaseArea outline = request.outline() == null ? null : CaseArea.polygon(request.outline(), "outline", violations);
        if (request.outline() != null && (request.point() != null || request.radiusM() != null)) {
            violations.add(new Violation("outline", "give an outline, or radiusM (and point), not both"));
        }
        if (request.point() != null && request.radiusM() == null) {
            violations.add(new Violation("radiusM", "is required with point"));
        }
        String org = request.responsibleOrg() == null ? null : request.responsibleOrg().strip();
        if (org != null && org.isEmpty()) {
            violations.add(new Violation("responsibleOrg", "must not be blank"));
        }
        if (request.outline() == null && request.radiusM() == null && request.severity() == null && org == null) {
            violations.add(new Violation("severity", "nothing to change: give outline, radiusM, severity or responsibleOrg"));
        }
        QueryValues.requireValid(violations);
        return ControlCaseView.detail(service.update(id, new ControlCaseUpdate(outline,
                request.point() == null ? null : request.point().lat(), request.point() == null ? null : request.point().lon(),
                request.radiusM(), request.severity(), org), Caller.of(identity)), json);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "closeControlCase", summary = "Close a case by hand",
            description = "Roles bureau, admin. Any open case (not ERADICATED) becomes CLOSED with the reason (a false"
                    + " report, merged into another case, handed over): final; no actions, follow-ups, reminders or"
                    + " reopening by sightings. Publishes ControlCaseStatusChanged with reason CLOSED_BY_HAND.")
    @APIResponse(responseCode = "200", description = "The closed case", content = @Content(schema = @Schema(implementation = ControlCaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "The case is ERADICATED or already CLOSED")
    public ControlCaseView close(@PathParam("id") UUID id, @Valid @NotNull CloseCaseRequest request) {
        return ControlCaseView.detail(service.close(id, request.reason().strip(), Caller.of(identity)), json);
    }

    private Response recorded(ControlCaseService.Recorded recorded) {
        return Response.status(recorded.replay() ? Response.Status.OK : Response.Status.CREATED)
                .entity(ControlCaseView.detail(recorded.detail(), json)).build();
    }

    /** A field date: in the supported years and not after today in the bureaus' calendar. */
    private void day(String field, LocalDate day, List<Violation> violations) {
        if (!QueryValues.supported(day)) {
            violations.add(new Violation(field, QueryValues.YEARS));
        } else if (day.isAfter(service.today())) {
            violations.add(new Violation(field, "must not be after today (Asia/Shanghai)"));
        }
    }

    private static String county(String countyCode, List<Violation> violations) {
        String county = QueryValues.text("countyCode", countyCode, 20, violations);
        if (county != null && !JiaozuoCounty.isValid(county)) {
            violations.add(new Violation("countyCode", "is not a Jiaozuo county code (GB/T 2260)"));
            return null;
        }
        return county;
    }

    private static boolean given(ControlCaseRequest r, String field) {
        return switch (field) {
            case "speciesId" -> r.speciesId() != null;
            case "scientificName" -> r.scientificName() != null;
            case "chineseName" -> r.chineseName() != null;
            case "countyCode" -> r.countyCode() != null;
            default -> r.point() != null;
        };
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
