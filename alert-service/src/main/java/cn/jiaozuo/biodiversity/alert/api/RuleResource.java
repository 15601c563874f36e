package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.RuleCode;
import cn.jiaozuo.biodiversity.alert.domain.RuleService;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "The stored alert rules and their parameters")
public class RuleResource {

    private final RuleService rules;
    private final SecurityIdentity identity;

    public RuleResource(RuleService rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "listRules", summary = "List the alert rules", description = "Staff only (roles reviewer, bureau, admin).")
    @APIResponse(responseCode = "200", description = "All rules",
            content = @Content(schema = @Schema(implementation = RuleView.class, type = SchemaType.ARRAY)))
    public List<RuleView> list() {
        return rules.list().stream().map(RuleView::of).toList();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateRule", summary = "Change a rule's parameters",
            description = "Role admin. Applies to observations consumed from now on; existing alerts keep their severity.")
    @APIResponse(responseCode = "200", description = "The updated rule", content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "No such rule")
    public RuleView update(@PathParam("id") String id, @Valid @NotNull RuleUpdateRequest request) {
        RuleCode code = Arrays.stream(RuleCode.values()).filter(c -> c.name().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No rule " + id));
        return RuleView.of(rules.update(code, new RuleService.RuleChange(request.enabled(), request.escalationThreshold(),
                request.escalationWindowDays()), Caller.of(identity).subject()));
    }
}
