package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.domain.AreaKind;
import cn.jiaozuo.biodiversity.plot.domain.OutlineService;
import cn.jiaozuo.biodiversity.plot.repository.CountyRepository;
import cn.jiaozuo.biodiversity.plot.repository.OutlineSummary;
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

@Path("/counties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Counties and protected areas with their outlines; public to read")
@PermitAll
public class CountyResource {

    private final CountyRepository counties;
    private final OutlineService outlines;
    private final SecurityIdentity identity;

    public CountyResource(CountyRepository counties, OutlineService outlines, SecurityIdentity identity) {
        this.counties = counties;
        this.outlines = outlines;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listCounties", summary = "List Jiaozuo's ten county-level divisions",
            description = "Public, no token needed. GB/T 2260 codes with the plan's priority area of each county and "
                    + "whether it has an outline.")
    @APIResponse(responseCode = "200", description = "All ten counties, by code")
    public List<CountyView> list() {
        Map<String, OutlineSummary> outlined = outlines.summaries(AreaKind.COUNTY);
        return counties.listAll(Sort.by("code")).stream().map(c -> CountyView.of(c, outlined.get(c.code))).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getCounty", summary = "One county by its GB/T 2260 code", description = "Public, no token needed.")
    @APIResponse(responseCode = "200", description = "The county")
    @APIResponse(responseCode = "404", description = "No Jiaozuo county has this code")
    public CountyView get(@Parameter(example = "410821") @PathParam("code") String code) {
        return counties.findByIdOptional(code).map(c -> CountyView.of(c, outlines.summaries(AreaKind.COUNTY).get(c.code)))
                .orElseThrow(() -> ProblemException.notFound("No Jiaozuo county has code " + code));
    }

    @GET
    @Path("/{code}/outline")
    @Operation(operationId = "getCountyOutline", summary = "The county's outline as a GeoJSON Feature",
            description = "Public, no token needed. WGS-84, with its source and geodesic area.")
    @APIResponse(responseCode = "200", description = "The outline")
    @APIResponse(responseCode = "404", description = "No such county, or it has no outline")
    public OutlineFeature outline(@Parameter(example = "410821") @PathParam("code") String code) {
        return OutlineFeature.of(outlines.get(AreaKind.COUNTY, code));
    }

    @PUT
    @Path("/{code}/outline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "putCountyOutline", summary = "Set or replace the county's outline",
            description = "Role bureau or admin. The geometry is checked like a plot's (JTS: Polygon or MultiPolygon, "
                    + "closed rings, no self-intersection, every vertex in Jiaozuo or its surroundings, at most 10000 "
                    + "positions); GCJ-02 input is converted to WGS-84 first. Every mistake is named in one 400. Publishes "
                    + "AreaOutlined on topic geography (key COUNTY:<code>); the same outline, datum and source again "
                    + "change nothing and publish nothing.")
    @APIResponse(responseCode = "200", description = "The stored outline with its geodesic area")
    @APIResponse(responseCode = "400", description = "Invalid geometry, datum or source; each a violation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "self-intersecting", value = "{\"type\":\"about:blank\","
                            + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"The request has 2 invalid fields\","
                            + "\"instance\":\"/counties/410821/outline\",\"violations\":[{\"field\":\"datum\",\"message\":"
                            + "\"must be WGS84 or GCJ02\"},{\"field\":\"geometry\",\"message\":"
                            + "\"is not a valid polygon: self-intersection at [113.25, 35.45]\"}]}")))
    @APIResponse(responseCode = "404", description = "No Jiaozuo county has this code")
    public OutlineFeature putOutline(@Parameter(example = "410821") @PathParam("code") String code,
            @NotNull OutlineRequest request) {
        return OutlineFeature.of(outlines.put(AreaKind.COUNTY, code,
                new OutlineService.OutlineInput(request.geometry(), request.datum(), request.source()), Actor.of(identity)));
    }

    @DELETE
    @Path("/{code}/outline")
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN})
    @Operation(operationId = "deleteCountyOutline", summary = "Withdraw the county's outline",
            description = "Role bureau or admin. Publishes AreaOutlined with active false and no geometry; withdrawing "
                    + "an outline that is not there changes nothing.")
    @APIResponse(responseCode = "204", description = "Withdrawn (or there was none)")
    @APIResponse(responseCode = "404", description = "No Jiaozuo county has this code")
    public void deleteOutline(@Parameter(example = "410821") @PathParam("code") String code) {
        outlines.withdraw(AreaKind.COUNTY, code);
    }
}
