package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.AlertRule;
import cn.jiaozuo.biodiversity.alert.domain.RuleCode;
import cn.jiaozuo.biodiversity.alert.repository.AlertRuleRepository;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "The stored alert rules and their parameters")
public class RuleResource {

    private final AlertRuleRepository rules;
    private final JsonWebToken caller;

    public RuleResource(AlertRuleRepository rules, JsonWebToken caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "listRules", summary = "List the alert rules", description = "Staff only (roles reviewer, bureau, admin).")
    @APIResponse(responseCode = "200", description = "All rules",
            content = @Content(schema = @Schema(implementation = RuleView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<RuleView> list() {
        return rules.listAll().stream().sorted((a, b) -> a.id.compareTo(b.id)).map(RuleView::of).toList();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(operationId = "updateRule", summary = "Change a rule's parameters",
            description = "Role admin. Applies to observations consumed from now on; existing alerts keep their severity.")
    @APIResponse(responseCode = "200", description = "The updated rule", content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "No such rule")
    public RuleView update(@PathParam("id") String id, @Valid @NotNull RuleUpdateRequest request) {
        RuleCode code = Arrays.stream(RuleCode.values()).filter(c -> c.name().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No rule " + id));
        if ((request.escalationThreshold() == null) != (request.escalationWindowDays() == null)) {
            throw ProblemException.badRequest("escalationWindowDays",
                    "escalationThreshold and escalationWindowDays must be given together");
        }
        AlertRule rule = rules.findById(code);
        rule.enabled = request.enabled();
        rule.escalationThreshold = request.escalationThreshold();
        rule.escalationWindowDays = request.escalationWindowDays();
        rule.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        rule.updatedBy = caller.getName();
        return RuleView.of(rule);
    }
}
