package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.repository.ProtectedAreaRepository;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/protected-areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
@PermitAll
public class ProtectedAreaResource {

    private final ProtectedAreaRepository areas;

    public ProtectedAreaResource(ProtectedAreaRepository areas) {
        this.areas = areas;
    }

    @GET
    @Operation(operationId = "listProtectedAreas", summary = "List the protected areas the plan names",
            description = "Public, no token needed. Each with a stable id (used as a plot's protectedAreaId) and its counties.")
    @APIResponse(responseCode = "200", description = "The six protected areas")
    public List<ProtectedAreaView> list() {
        return areas.listAll(Sort.by("id")).stream().map(ProtectedAreaView::of).toList();
    }
}
