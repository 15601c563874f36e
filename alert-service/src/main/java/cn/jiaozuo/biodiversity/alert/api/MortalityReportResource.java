package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.domain.AnimalGroup;
import cn.jiaozuo.biodiversity.alert.domain.MortalityReport;
import cn.jiaozuo.biodiversity.alert.domain.MortalityReportService;
import cn.jiaozuo.biodiversity.alert.domain.NewMortalityReport;
import cn.jiaozuo.biodiversity.alert.domain.SampleResult;
import cn.jiaozuo.biodiversity.alert.repository.MortalityReportSearch;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

@Path("/mortality-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Disease surveillance", description = "Wildlife disease surveillance (疫源疫病监测): mortality reports, samples"
        + " and their results (docs/biosecurity.md)")
public class MortalityReportResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final MortalityReportService service;
    private final SecurityIdentity identity;
    private final Duration futureTolerance;
    private final ZoneId zone;

    public MortalityReportResource(MortalityReportService service, SecurityIdentity identity, AlertConfig config) {
        this.service = service;
        this.identity = identity;
        this.futureTolerance = config.disease().futureTolerance();
        this.zone = ZoneId.of(config.zone());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RANGER, Roles.STATION, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "reportMortality", summary = "Report animals found dead or sick",
            description = "Roles ranger, station, bureau, admin. The sender is the token's subject. Dead wild birds"
                    + " (WATERFOWL, OTHER_BIRD) go through the cluster rule: 5 or more within 3 km and 3 days (defaults)"
                    + " raise one CRITICAL DISEASE_CLUSTER alert, which later reports in the cluster update; a carcass"
                    + " of a protected species raises a HIGH WILDLIFE_MORTALITY alert. Idempotent on uuid: the same"
                    + " report again is 200 with the stored one, another report under the uuid a 409.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = MortalityReportView.class)))
    @APIResponse(responseCode = "200", description = "A replay of a report recorded before", content = @Content(schema = @Schema(implementation = MortalityReportView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all of them in violations)")
    @APIResponse(responseCode = "409", description = "Another report under this uuid")
    public Response report(@Valid @NotNull MortalityReportRequest request) {
        List<Violation> violations = new ArrayList<>();
        int sick = request.sickCount() == null ? 0 : request.sickCount();
        if (request.deadCount() != null && request.deadCount() + sick == 0) {
            violations.add(new Violation("deadCount", "deadCount + sickCount must be at least 1"));
        }
        if (request.point() != null && request.point().lat() != null && request.point().lon() != null
                && !JiaozuoArea.contains(request.point().lat(), request.point().lon())) {
            violations.add(new Violation("point", JiaozuoArea.outsideMessage(request.point().lat(), request.point().lon())));
        }
        if (request.countyCode() != null && !JiaozuoCounty.isValid(request.countyCode())) {
            violations.add(new Violation("countyCode", "is not a Jiaozuo county code (GB/T 2260)"));
        }
        instant("observedAt", request.observedAt(), violations);
        QueryValues.requireValid(violations);
        Caller caller = Caller.of(identity);
        MortalityReportService.Recorded recorded = service.report(new NewMortalityReport(request.uuid(),
                request.speciesId(), request.group(), request.deadCount(), sick, request.point().lat(),
                request.point().lon(), request.point().accuracyM(), request.countyCode(),
                request.observedAt().truncatedTo(ChronoUnit.MICROS), strip(request.symptoms()),
                Boolean.TRUE.equals(request.samplesTaken()), strip(request.stationId())), caller);
        return recorded(recorded, caller);
    }

    @GET
    @RolesAllowed({Roles.RANGER, Roles.STATION, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "listMortalityReports", summary = "List mortality reports, newest recorded first",
            description = "Staff only (roles ranger, station, reviewer, bureau, admin). Reports of sensitive species are"
                    + " generalized (0.1° cell, times to the hour, a public id, no reporter, station, symptoms or"
                    + " sample handlers) except for reviewers, admins and their reporter. Filters combine with AND;"
                    + " from/to select by observedAt as the caller is shown it (to the hour on a generalized report), and"
                    + " a generalized report is listed at the hour of its recording, so neither bisection nor the order"
                    + " tells more than the hour. Keyset pagination: pass the page's nextCursor as cursor.")
    @APIResponse(responseCode = "200", description = "A page of reports", content = @Content(schema = @Schema(implementation = MortalityReportPage.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter or cursor")
    public MortalityReportPage list(
            @Parameter(description = "GB/T 2260 county code", example = "410883") @QueryParam("countyCode") String countyCode,
            @Parameter(description = "WATERFOWL, OTHER_BIRD, MAMMAL, REPTILE, AMPHIBIAN, FISH or OTHER", example = "WATERFOWL")
            @QueryParam("group") String group,
            @Parameter(description = "Catalog species id", example = "1042") @QueryParam("speciesId") String speciesId,
            @Parameter(description = "Reports of this DISEASE_CLUSTER or WILDLIFE_MORTALITY alert",
                    example = "6f1c2a0e-2d7b-4c7e-9a55-3f0f3c1d2b11") @QueryParam("alertId") String alertId,
            @Parameter(description = "ISO-8601 date-time with offset", example = "2026-11-01T00:00:00+08:00") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 date-time with offset, exclusive", example = "2026-12-01T00:00:00+08:00") @QueryParam("to") String to,
            @Parameter(description = "Page size, 1–200, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        List<Violation> violations = new ArrayList<>();
        String county = QueryValues.text("countyCode", countyCode, 20, violations);
        if (county != null && !JiaozuoCounty.isValid(county)) {
            violations.add(new Violation("countyCode", "is not a Jiaozuo county code (GB/T 2260)"));
            county = null;
        }
        AnimalGroup wanted = QueryValues.enumValue("group", group, AnimalGroup.class, violations);
        Long species = QueryValues.id("speciesId", speciesId, violations);
        UUID alert = null;
        if (alertId != null && !alertId.isBlank()) {
            try {
                alert = UUID.fromString(alertId.strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("alertId", "is not a UUID"));
            }
        }
        OffsetDateTime fromTime = QueryValues.dateTime("from", from, violations);
        OffsetDateTime toTime = QueryValues.dateTime("to", to, violations);
        Integer size = QueryValues.integer("limit", limit, 1, MAX_LIMIT, violations);
        PageCursor after = PageCursor.decode(cursor, violations);
        QueryValues.requireValid(violations);
        Caller caller = Caller.of(identity);
        MortalityReportService.Listing page = service.list(new MortalityReportSearch(county, wanted, species, alert,
                fromTime, toTime, MortalityReport.entitledToAll(caller) ? null : caller.subject(),
                after == null ? null : after.at(), after == null ? null : after.id(),
                size == null ? DEFAULT_LIMIT : size));
        List<MortalityReport> reports = page.reports();
        return new MortalityReportPage(reports.stream().map(r -> MortalityReportView.summary(r, caller)).toList(),
                PageCursor.next(page.more(), reports, r -> r.listedAt, r -> r.publicId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RANGER, Roles.STATION, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "getMortalityReport", summary = "One mortality report with its samples",
            description = "Staff only (roles ranger, station, reviewer, bureau, admin); generalized as in the listing. The"
                    + " id is the one the listing shows (a generalized report's public id; its stored uuid only for those"
                    + " who see it exactly, a 404 for others).")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = MortalityReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report")
    public MortalityReportView get(@PathParam("id") UUID id) {
        Caller caller = Caller.of(identity);
        return MortalityReportView.detail(service.find(id, caller), caller);
    }

    @POST
    @Path("/{id}/samples")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RANGER, Roles.STATION, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "addMortalitySample", summary = "Record a sample sent to a laboratory",
            description = "Roles ranger, station, bureau, admin. The sample is PENDING until its result is entered."
                    + " Idempotent on sampleId: the same sample again is 200, another lab or time under it a 409.")
    @APIResponse(responseCode = "201", description = "Recorded; the report afterwards", content = @Content(schema = @Schema(implementation = MortalityReportView.class)))
    @APIResponse(responseCode = "200", description = "A replay; the report", content = @Content(schema = @Schema(implementation = MortalityReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report")
    @APIResponse(responseCode = "409", description = "The sample id was recorded with another lab or time")
    public Response addSample(@PathParam("id") UUID id, @Valid @NotNull SampleRequest request) {
        List<Violation> violations = new ArrayList<>();
        instant("sentAt", request.sentAt(), violations);
        QueryValues.requireValid(violations);
        Caller caller = Caller.of(identity);
        return recorded(service.addSample(id, request.sampleId(), request.lab().strip(),
                request.sentAt().toInstant().truncatedTo(ChronoUnit.MICROS), caller), caller);
    }

    @PUT
    @Path("/{id}/samples/{sampleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "setMortalitySampleResult", summary = "Enter a sample's laboratory result",
            description = "Roles bureau, admin. NEGATIVE or POSITIVE (with pathogen, e.g. H5N1) and resultDate; both are"
                    + " final (the same result again is 200, another a 409). POSITIVE escalates the report's live"
                    + " DISEASE_CLUSTER and WILDLIFE_MORTALITY alerts to CRITICAL with the pathogen (AlertEscalated);"
                    + " a report without a live alert gets a CRITICAL WILDLIFE_MORTALITY alert.")
    @APIResponse(responseCode = "200", description = "The report afterwards", content = @Content(schema = @Schema(implementation = MortalityReportView.class)))
    @APIResponse(responseCode = "400", description = "Missing pathogen or resultDate, or one given where it does not belong")
    @APIResponse(responseCode = "404", description = "No such report or sample")
    @APIResponse(responseCode = "409", description = "The sample already has another result")
    public MortalityReportView setResult(@PathParam("id") UUID id, @PathParam("sampleId") String sampleId,
            @Valid @NotNull SampleResultRequest request) {
        List<Violation> violations = new ArrayList<>();
        String pathogen = strip(request.pathogen());
        if (request.result() == SampleResult.POSITIVE && pathogen == null) {
            violations.add(new Violation("pathogen", "is required with POSITIVE"));
        } else if (request.result() != SampleResult.POSITIVE && pathogen != null) {
            violations.add(new Violation("pathogen", "must be omitted unless POSITIVE"));
        }
        if (request.result() == SampleResult.PENDING) {
            if (request.resultDate() != null) {
                violations.add(new Violation("resultDate", "must be omitted with PENDING"));
            }
        } else if (request.resultDate() == null) {
            violations.add(new Violation("resultDate", "is required with " + request.result()));
        } else if (!QueryValues.supported(request.resultDate())) {
            violations.add(new Violation("resultDate", QueryValues.YEARS));
        } else if (request.resultDate().isAfter(LocalDate.now(zone))) {
            violations.add(new Violation("resultDate", "must not be after today (Asia/Shanghai)"));
        }
        QueryValues.requireValid(violations);
        Caller caller = Caller.of(identity);
        return MortalityReportView.detail(service.result(id, sampleId, request.result(), pathogen, request.resultDate(),
                caller).detail(), caller);
    }

    private Response recorded(MortalityReportService.Recorded recorded, Caller caller) {
        return Response.status(recorded.replay() ? Response.Status.OK : Response.Status.CREATED)
                .entity(MortalityReportView.detail(recorded.detail(), caller)).build();
    }

    /** A field time: in the supported years and not in the future (beyond the clock-skew tolerance). */
    private void instant(String field, OffsetDateTime time, List<Violation> violations) {
        if (time == null) {
            return;
        }
        if (!QueryValues.supported(time.toInstant())) {
            violations.add(new Violation(field, QueryValues.YEARS));
        } else if (time.toInstant().isAfter(Instant.now().plus(futureTolerance))) {
            violations.add(new Violation(field, "must not be in the future"));
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
