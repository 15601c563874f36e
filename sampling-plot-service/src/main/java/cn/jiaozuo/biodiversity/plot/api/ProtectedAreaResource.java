package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.domain.AreaKind;
import cn.jiaozuo.biodiversity.plot.domain.OutlineService;
import cn.jiaozuo.biodiversity.plot.repository.OutlineSummary;
import cn.jiaozuo.biodiversity.plot.repository.ProtectedAreaRepository;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/protected-areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
@PermitAll
public class ProtectedAreaResource {

    private final ProtectedAreaRepository areas;
    private final OutlineService outlines;
    private final SecurityIdentity identity;

    public ProtectedAreaResource(ProtectedAreaRepository areas, OutlineService outlines, SecurityIdentity identity) {
        this.areas = areas;
        this.outlines = outlines;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listProtectedAreas", summary = "List the protected areas the plan names",
            description = "Public, no token needed. Each with a stable id (used as a plot's protectedAreaId), its counties "
                    + "and whether it has an outline.")
    @APIResponse(responseCode = "200", description = "The six protected areas")
    public List<ProtectedAreaView> list() {
        Map<String, OutlineSummary> outlined = outlines.summaries(AreaKind.PROTECTED_AREA);
        return areas.listAll(Sort.by("id")).stream().map(a -> ProtectedAreaView.of(a, outlined.get(a.id))).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProtectedArea", summary = "One protected area by its id", description = "Public, no token needed.")
    @APIResponse(responseCode = "200", description = "The protected area")
    @APIResponse(responseCode = "404", description = "No protected area has this id")
    public ProtectedAreaView get(@Parameter(example = "yuntaishan-forest-park") @PathParam("id") String id) {
        return areas.findByIdOptional(id).map(a -> ProtectedAreaView.of(a, outlines.summaries(AreaKind.PROTECTED_AREA).get(a.id)))
                .orElseThrow(() -> ProblemException.notFound("No protected area has id " + id));
    }

    @GET
    @Path("/{id}/outline")
    @Operation(operationId = "getProtectedAreaOutline", summary = "The protected area's outline as a GeoJSON Feature",
            description = "Public, no token needed. WGS-84, with its source, geodesic area and the county holding most of it.")
    @APIResponse(responseCode = "200", description = "The outline")
    @APIResponse(responseCode = "404", description = "No such protected area, or it has no outline")
    public OutlineFeature outline(@Parameter(example = "yuntaishan-forest-park") @PathParam("id") String id) {
        return OutlineFeature.of(outlines.get(AreaKind.PROTECTED_AREA, id));
    }

    @PUT
    @Path("/{id}/outline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "putProtectedAreaOutline", summary = "Set or replace the protected area's outline",
            description = "Role bureau or admin. Same body and checks as a county's outline. Publishes AreaOutlined on "
                    + "topic geography (key PROTECTED_AREA:<id>) with the county holding most of the area (its only "
                    + "county, or the outlined county it overlaps most); the same outline, datum and source again change "
                    + "nothing and publish nothing.")
    @APIResponse(responseCode = "200", description = "The stored outline with its geodesic area")
    @APIResponse(responseCode = "400", description = "Invalid geometry, datum or source; each a violation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "swapped positions", value = "{\"type\":\"about:blank\","
                            + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"The request has 1 invalid field\","
                            + "\"instance\":\"/protected-areas/yuntaishan-forest-park/outline\",\"violations\":[{\"field\":"
                            + "\"geometry\",\"message\":\"exterior ring, position 1 [35.4, 113.2] is out of range: longitude "
                            + "must be within ±180 and latitude within ±90; it looks like [latitude, longitude], GeoJSON "
                            + "wants [longitude, latitude]\"}]}")))
    @APIResponse(responseCode = "404", description = "No protected area has this id")
    public OutlineFeature putOutline(@Parameter(example = "yuntaishan-forest-park") @PathParam("id") String id,
            @NotNull OutlineRequest request) {
        return OutlineFeature.of(outlines.put(AreaKind.PROTECTED_AREA, id,
                new OutlineService.OutlineInput(request.geometry(), request.datum(), request.source()), Actor.of(identity)));
    }

    @DELETE
    @Path("/{id}/outline")
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "deleteProtectedAreaOutline", summary = "Withdraw the protected area's outline",
            description = "Role bureau or admin. Publishes AreaOutlined with active false and no geometry; withdrawing "
                    + "an outline that is not there changes nothing.")
    @APIResponse(responseCode = "204", description = "Withdrawn (or there was none)")
    @APIResponse(responseCode = "404", description = "No protected area has this id")
    public void deleteOutline(@Parameter(example = "yuntaishan-forest-park") @PathParam("id") String id) {
        outlines.withdraw(AreaKind.PROTECTED_AREA, id);
    }
}
