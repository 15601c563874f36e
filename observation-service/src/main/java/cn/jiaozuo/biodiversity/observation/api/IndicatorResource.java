package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.observation.domain.IndicatorService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "The plan's monitoring indicators (KPIs)")
public class IndicatorResource {

    static final String EXAMPLE = """
            {"scope": "410821", "generatedAt": "2026-05-20T02:00:00Z",
             "speciesRichness": {"allTime": 15, "last12Months": 9},
             "richnessByCounty": [{"countyCode": "410821", "countyName": "修武县", "allTime": 15, "last12Months": 9}],
             "protectedSpeciesRecorded": [{"group": "MAMMAL", "species": [{"id": 1, "chineseName": "华北豹",
               "scientificName": "Panthera pardus japonensis", "protectionLevel": "NATIONAL_I", "lastRecordedAt": "2026-04-30T16:00:00Z"}]}],
             "protectionRate": 0.7059, "protectionRateTarget": 0.95,
             "protectionRateDetail": {"protectedInCatalog": 17, "protectedRecorded": 12, "windowYears": 3, "sensitiveWithheld": 9},
             "notRecordedForYears": {"years": 3, "species": [{"id": 4, "chineseName": "狼", "scientificName": "Canis lupus",
               "protectionLevel": "NATIONAL_II", "lastRecordedAt": null}]},
             "invasiveDetectionsByMonth": [{"countyCode": "410821", "month": "2026-05", "speciesId": 60, "chineseName": "美国白蛾", "detections": 14}]}""";

    private final IndicatorService indicators;
    private final SecurityIdentity identity;

    public IndicatorResource(IndicatorService indicators, SecurityIdentity identity) {
        this.indicators = indicators;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Operation(operationId = "getIndicators", summary = "The plan's indicators for the city or one county",
            description = "Callers: anyone, also without a token. Species richness (all time, last 12 months) in total and"
                    + " per county; national class I and II species recorded, by group; the protection rate (national"
                    + " class I and II species recorded inside a sampling plot within the last 3 years over all of them"
                    + " in the catalog; target 0.95); protected species not recorded for `years` years (early warning);"
                    + " invasive detections per county and month (last 12 months). Rejected observations never count."
                    + " Nothing is finer than the county: for callers other than reviewers and admins the protection rate"
                    + " leaves the sensitive species out (protectionRateDetail.sensitiveWithheld), and a sensitive species'"
                    + " records count at the start of their day in China (lastRecordedAt, the moving windows) and only"
                    + " from their release (the next midnight in China after they were recorded).")
    @APIResponse(responseCode = "200", description = "The indicators",
            content = @Content(schema = @Schema(implementation = IndicatorsView.class),
                    examples = @ExampleObject(name = "Xiuwu", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown county or years out of range")
    public IndicatorsView indicators(
            @Parameter(description = "GB/T 2260 county code; city-wide when absent", example = "410821") @QueryParam("county") String county,
            @Parameter(description = "Early warning: not recorded for this many years, 1–100 (default 3)", example = "3")
            @QueryParam("years") String years) {
        List<Violation> violations = new ArrayList<>();
        String countyCode = QueryValues.text("county", county, 100, violations);
        if (countyCode != null && !JiaozuoCounty.isValid(countyCode)) {
            violations.add(new Violation("county", "must be the GB/T 2260 code of one of Jiaozuo's 10 county-level divisions"));
        }
        Integer window = QueryValues.integer("years", years, 1, 100, violations);
        QueryValues.requireValid(violations);
        return IndicatorsView.of(indicators.indicators(countyCode, window == null ? 3 : window, Caller.of(identity)));
    }
}
