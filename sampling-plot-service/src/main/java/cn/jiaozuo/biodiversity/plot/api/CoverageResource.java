package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.CoverageService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "How each county meets the plan's plot rule")
public class CoverageResource {

    private final CoverageService coverage;

    public CoverageResource(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GET
    @Authenticated
    @Operation(operationId = "getCoverage", summary = "Plot coverage per county",
            description = "Any authenticated caller. One entry per county, by code: active plots, whether the plan's "
                    + "requirement is met (a priority-area county needs 1–2 active plots), the newest survey visit and the "
                    + "plots overdue for a visit (none within their surveyIntervalDays, judged in Asia/Shanghai).")
    @APIResponse(responseCode = "200", description = "Ten entries")
    public List<CoverageView> coverage() {
        return coverage.coverage().stream().map(CoverageView::of).toList();
    }
}
