package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.plot.repository.CountyRepository;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/counties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Counties and protected areas; public")
@PermitAll
public class CountyResource {

    private final CountyRepository counties;

    public CountyResource(CountyRepository counties) {
        this.counties = counties;
    }

    @GET
    @Operation(operationId = "listCounties", summary = "List Jiaozuo's ten county-level divisions",
            description = "Public, no token needed. GB/T 2260 codes with the plan's priority area of each county.")
    @APIResponse(responseCode = "200", description = "All ten counties, by code")
    public List<CountyView> list() {
        return counties.listAll(Sort.by("code")).stream().map(CountyView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getCounty", summary = "One county by its GB/T 2260 code", description = "Public, no token needed.")
    @APIResponse(responseCode = "200", description = "The county")
    @APIResponse(responseCode = "404", description = "No Jiaozuo county has this code")
    public CountyView get(@PathParam("code") String code) {
        return counties.findByIdOptional(code).map(CountyView::of)
                .orElseThrow(() -> ProblemException.notFound("No Jiaozuo county has code " + code));
    }
}
