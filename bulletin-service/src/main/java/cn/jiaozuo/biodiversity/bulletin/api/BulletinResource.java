package cn.jiaozuo.biodiversity.bulletin.api;

import cn.jiaozuo.biodiversity.bulletin.config.BulletinConfig;
import cn.jiaozuo.biodiversity.bulletin.domain.Bulletin;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFilter;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinOrder;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinService;
import cn.jiaozuo.biodiversity.bulletin.domain.Edition;
import cn.jiaozuo.biodiversity.bulletin.domain.Scope;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

@Path("/bulletins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulletins", description = "Monitoring bulletins (简报): generated from the read model, archived")
public class BulletinResource {

    static final String HTML = "text/html;charset=utf-8";
    static final String PDF = "application/pdf";
    private static final String EXAMPLE = """
            {"id": "6a1f0c4e-2b7d-4e58-9a3c-0d5e8f7b1c2a", "from": "2026-10-01", "to": "2026-10-31", "scope": "410821",
             "edition": "INTERNAL", "version": 1, "title": "焦作市生物多样性监测简报 · 修武县 · 2026年10月",
             "contentHash": "9f2b5c0e0d3c4b6f8a7e1d2c3b4a59687f6e5d4c3b2a19081726354453627180",
             "generatedAt": "2026-11-03T02:15:00Z", "generatedBy": "bureau-xw", "htmlUrl": "/bulletins/6a1f0c4e-2b7d-4e58-9a3c-0d5e8f7b1c2a.html",
             "pdfUrl": "/bulletins/6a1f0c4e-2b7d-4e58-9a3c-0d5e8f7b1c2a.pdf",
             "figures": {"from": "2026-10-01", "to": "2026-10-31", "previousFrom": "2026-09-01", "previousTo": "2026-09-30",
               "scope": "410821", "scopeName": "修武县", "edition": "INTERNAL",
               "records": {"current": 12, "previous": 9, "change": 3}, "speciesRichness": {"current": 5, "previous": 4, "change": 1},
               "protectedSpecies": [{"protectionClass": "NATIONAL_I", "label": "国家一级", "species": {"current": 1, "previous": 0, "change": 1}}],
               "newCountyRecords": {"current": 1, "previous": 0, "change": 1}, "invasiveDetections": {"current": 2, "previous": 0, "change": 2},
               "alerts": {"current": 2, "previous": 0, "change": 2},
               "alertsByType": [{"rule": "INVASIVE_SPECIES", "severity": "HIGH", "current": 2, "previous": 0, "suppressed": false}],
               "patrols": {"current": 3, "previous": 2, "change": 1}, "patrolKm": {"current": 24.6, "previous": 15.0, "change": 9.6},
               "patrolHours": {"current": 11.5, "previous": 8.0, "change": 3.5}, "incidents": {"current": 1, "previous": 0, "change": 1},
               "activePlots": 4, "recordsPerWeek": [{"week": "2026-09-28", "count": 3}], "invasivePerWeek": [{"week": "2026-09-28", "count": 1}],
               "newCountyRecordList": [{"scientificName": "Ciconia nigra", "chineseName": "黑鹳", "protectionClass": "NATIONAL_I",
                 "countyCode": "410821", "countyName": "修武县", "firstObservedOn": "2026-10-12"}],
               "species": [{"scientificName": "Ciconia nigra", "chineseName": "黑鹳", "group": "BIRD", "protectionClass": "NATIONAL_I",
                 "sensitive": true, "invasive": false, "records": 1, "individuals": 2, "suppressed": false, "counties": ["修武县"],
                 "firstObservedOn": "2026-10-12", "lastObservedOn": "2026-10-12"}],
               "highlights": ["本月首次在修武县记录到黑鹳", "本月记录到国家一级重点保护野生动植物 1 种：黑鹳"], "notes": []}}""";

    private final BulletinService service;
    private final BulletinConfig config;
    private final SecurityIdentity identity;
    private final Clock clock;

    public BulletinResource(BulletinService service, BulletinConfig config, SecurityIdentity identity, Clock clock) {
        this.service = service;
        this.config = config;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "generateBulletin", summary = "Generate (or fetch) the bulletin of a period and scope",
            description = "Roles bureau, admin. Counts the figures from the service's read model of the topics, writes the"
                    + " highlights by rule, renders the HTML and PDF, archives them and publishes BulletinPublished. The same"
                    + " period, scope and edition again answers the newest archived version (200), unchanged; with"
                    + " regenerate true it generates the next version (201).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BulletinRequest.class), examples = {
            @ExampleObject(name = "month", value = "{\"from\": \"2026-10-01\", \"to\": \"2026-10-31\", \"scope\": \"410821\"}"),
            @ExampleObject(name = "public", value = "{\"scope\": \"TAIHANG\", \"edition\": \"PUBLIC\"}"),
            @ExampleObject(name = "new version", value = "{\"from\": \"2026-10-01\", \"to\": \"2026-10-31\", \"scope\": \"410821\", \"regenerate\": true}")}))
    @APIResponse(responseCode = "201", description = "Generated and archived; Location names it",
            content = @Content(schema = @Schema(implementation = BulletinView.class), examples = @ExampleObject(name = "bulletin", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Archived before: its newest version, the same bulletin",
            content = @Content(schema = @Schema(implementation = BulletinView.class), examples = @ExampleObject(name = "bulletin", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in violations")
    public Response generate(BulletinRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request == null) {
            throw ProblemException.badRequest("body", "is required: {\"from\", \"to\", \"scope\"}");
        }
        Instant now = clock.instant();
        BulletinOrder order = BulletinOrder.read(request.from(), request.to(), request.scope(), request.edition(),
                now.atZone(config.zone()).toLocalDate(), config.maxPeriod(), violations);
        QueryValues.requireValid(violations);
        BulletinService.Generated result = service.generate(order.period(), order.scope(), order.edition(),
                Caller.of(identity).subject(), now, Boolean.TRUE.equals(request.regenerate()));
        BulletinView view = view(result.bulletin(), true);
        return result.created() ? Response.created(URI.create("/bulletins/" + result.bulletin().id)).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN, Roles.REVIEWER})
    @Operation(operationId = "listBulletins", summary = "List archived bulletins, newest first",
            description = "Roles bureau, admin, reviewer. Without figures; filters combine.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = BulletinPage.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid")
    public BulletinPage list(
            @Parameter(example = "TAIHANG", description = "CITY, TAIHANG, YELLOW_RIVER or a county code") @QueryParam("scope") String scope,
            @Parameter(example = "PUBLIC", schema = @Schema(implementation = Edition.class)) @QueryParam("edition") String edition,
            @Parameter(example = "2026-01-01", description = "Periods starting on or after this day",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(example = "2026-12-31", description = "Periods ending on or before this day",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Page size, 1–200 (default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200")) @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        List<Violation> violations = new ArrayList<>();
        String target = QueryValues.text("scope", scope, 20, violations);
        if (target != null && Scope.of(target).isEmpty()) {
            violations.add(new Violation("scope", "must be CITY, TAIHANG, YELLOW_RIVER or the code of a Jiaozuo county"));
        }
        Edition e = QueryValues.enumValue("edition", edition, Edition.class, violations);
        LocalDate since = day("from", from, violations);
        LocalDate until = day("to", to, violations);
        Integer size = QueryValues.integer("limit", limit, 1, config.maxPageSize(), violations);
        BulletinCursor after = BulletinCursor.decode(cursor, violations);
        QueryValues.requireValid(violations);
        int pageSize = size == null ? config.defaultPageSize() : size;
        List<Bulletin> rows = service.list(new BulletinFilter(target, e, since, until, pageSize,
                after == null ? null : after.generatedAt(), after == null ? null : after.id()));
        boolean more = rows.size() > pageSize;
        List<Bulletin> page = more ? rows.subList(0, pageSize) : rows;
        Bulletin last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new BulletinPage(page.stream().map(b -> view(b, false)).toList(),
                more ? new BulletinCursor(last.generatedAt, last.id).encode() : null);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN, Roles.REVIEWER})
    @Operation(operationId = "getBulletin", summary = "One bulletin with its figures",
            description = "Roles bureau, admin, reviewer. The figures as archived.")
    @APIResponse(responseCode = "200", description = "The bulletin",
            content = @Content(schema = @Schema(implementation = BulletinView.class), examples = @ExampleObject(name = "bulletin", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such bulletin")
    public BulletinView get(@Parameter(example = "6a1f0c4e-2b7d-4e58-9a3c-0d5e8f7b1c2a") @PathParam("id") String id) {
        return view(service.get(uuid(id)), true);
    }

    @GET
    @Path("{id}.html")
    @Produces(HTML)
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN, Roles.REVIEWER})
    @Operation(operationId = "getBulletinHtml", summary = "One bulletin as an HTML page",
            description = "Roles bureau, admin, reviewer. The page as archived: Chinese, inline CSS, charts as inline SVG"
                    + " (records per week, invasive detections per week), no script and no external resource.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "start",
            value = "<!DOCTYPE html>\n<html lang=\"zh-CN\">…<h2>一、要点</h2>…<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-records\"…")))
    @APIResponse(responseCode = "404", description = "No such bulletin")
    public Response html(@Parameter(example = "6a1f0c4e-2b7d-4e58-9a3c-0d5e8f7b1c2a") @PathParam("id") String id) {
        Bulletin bulletin = service.get(uuid(id));
        return Response.ok(bulletin.html, HTML).header("ETag", "\"" + bulletin.contentHash + "\"").build();
    }

    @GET
    @Path("{id}.pdf")
    @Produces(PDF)
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN, Roles.REVIEWER})
    @Operation(operationId = "getBulletinPdf", summary = "One bulletin as a PDF",
            description = "Roles bureau, admin, reviewer. The PDF rendered from the page when the version was generated"
                    + " (openhtmltopdf): A4, the charts and map as vector graphics, a Chinese font embedded, the version"
                    + " and generation time on the last line. Served as archived, with the content hash as ETag.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such bulletin")
    public Response pdf(@Parameter(example = "6a1f0c4e-2b7d-4e58-9a3c-0d5e8f7b1c2a") @PathParam("id") String id) {
        UUID uuid = uuid(id);
        Bulletin bulletin = service.get(uuid);
        return Response.ok(service.pdf(uuid), PDF).header("ETag", "\"" + bulletin.contentHash + "-v" + bulletin.version + "\"")
                .header("Content-Disposition", "inline; filename=\"bulletin-" + bulletin.scope + "-" + bulletin.periodFrom
                        + "-v" + bulletin.version + "-" + bulletin.edition.name().toLowerCase(java.util.Locale.ROOT) + ".pdf\"")
                .build();
    }

    private BulletinView view(Bulletin b, boolean withFigures) {
        return new BulletinView(b.id, b.periodFrom, b.periodTo, b.scope, b.edition, b.version, b.title, b.contentHash,
                b.generatedAt, b.generatedBy, BulletinService.htmlPath(b), BulletinService.pdfPath(b),
                withFigures ? service.figures(b) : null);
    }

    /** A malformed id names no bulletin: 404, as for an unknown one. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No bulletin " + id);
        }
    }

    private static LocalDate day(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate parsed = LocalDate.parse(value.strip());
            if (QueryValues.supported(parsed)) {
                return parsed;
            }
            violations.add(new Violation(field, QueryValues.YEARS));
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date, YYYY-MM-DD"));
        }
        return null;
    }
}
