package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.patrol.config.PatrolConfig;
import cn.jiaozuo.biodiversity.patrol.domain.EffortGroup;
import cn.jiaozuo.biodiversity.patrol.domain.EffortGrouping;
import cn.jiaozuo.biodiversity.patrol.domain.EffortReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/patrol-effort")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patrols", description = "Ranger patrols: tracks, incidents, effort")
public class EffortResource {

    private final EffortReport report;
    private final PatrolConfig config;

    public EffortResource(EffortReport report, PatrolConfig config) {
        this.report = report;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.RANGER, Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "getPatrolEffort", summary = "Patrol effort: km, hours, patrols and incidents by type, grouped",
            description = "Roles ranger, reviewer, bureau, admin. The patrols that started in [from, to) (at most 366 days),"
                    + " grouped by county (the track inside each county outline, the rest and tracks outside every outline to"
                    + " the declared county), by month of startedAt in China's time zone, by team member (each member's group"
                    + " counts the whole patrol), by sampling plot or by protected area (the track's length and time inside"
                    + " each, from its splits; incidents by the area their point lies in). The total is that of the whole"
                    + " patrols. No tracks or points: totals only.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = EffortReportView.class)))
    @APIResponse(responseCode = "400", description = "from, to or groupBy missing or invalid, or a window over 366 days")
    public EffortReportView effort(
            @Parameter(required = true, example = "2025-05-01T00:00:00+08:00", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                @QueryParam("from") String from,
            @Parameter(required = true, example = "2025-06-01T00:00:00+08:00", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                @QueryParam("to") String to,
            @Parameter(required = true, example = "county", schema = @Schema(implementation = EffortGrouping.class))
                @QueryParam("groupBy") String groupBy) {
        List<Violation> violations = new ArrayList<>();
        OffsetDateTime since = QueryValues.dateTime("from", from, violations);
        OffsetDateTime until = QueryValues.dateTime("to", to, violations);
        EffortGrouping grouping = QueryValues.enumValue("groupBy", groupBy, EffortGrouping.class, violations);
        for (String[] p : new String[][] {{"from", from}, {"to", to}, {"groupBy", groupBy}}) {
            if (p[1] == null || p[1].isBlank()) {
                violations.add(new Violation(p[0], "is required"));
            }
        }
        if (since != null && until != null) {
            if (!until.isAfter(since)) {
                violations.add(new Violation("to", "must lie after from"));
            } else if (Duration.between(since, until).compareTo(config.maxEffortWindow()) > 0) {
                violations.add(new Violation("to", "the window is at most " + config.maxEffortWindow().toDays() + " days"));
            }
        }
        QueryValues.requireValid(violations);
        EffortReport.Result result = report.report(since.toInstant(), until.toInstant(), grouping);
        return new EffortReportView(since.toInstant(), until.toInstant(), grouping,
                result.groups().stream().map(EffortResource::view).toList(), view(result.total()));
    }

    private static EffortGroupView view(EffortGroup g) {
        TreeMap<String, Integer> incidents = new TreeMap<>();
        g.incidentsByType().forEach((type, n) -> incidents.put(type.name(), n));
        return new EffortGroupView(g.key(), g.patrols(), g.distanceKm(), g.hours(), incidents);
    }
}
