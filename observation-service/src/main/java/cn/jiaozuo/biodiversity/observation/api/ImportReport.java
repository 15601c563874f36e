package cn.jiaozuo.biodiversity.observation.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportReport", description = "Outcome of a Camtrap DP import: counts, and every row that did not become"
        + " a new observation or duplicate, with the reason")
public record ImportReport(
        @Schema(required = true, example = "41", description = "New observations stored") int created,
        @Schema(required = true, example = "0", description = "Rows already imported before (same observationID, same content)") int duplicates,
        @Schema(required = true, example = "1", description = "Animal rows that could not be stored (unknown species, bad date, …)") int rejected,
        @Schema(required = true, example = "12", description = "Rows that are not animal observations (blank, human, vehicle, unknown, unclassified)") int skipped,
        @Schema(required = true) List<Deployment> deployments,
        @Schema(required = true) List<RowProblem> errors) {

    @Schema(name = "ImportDeployment", description = "Where a deployment was placed: the station id its observations get,"
            + " and the plot and county its point lies in")
    public record Deployment(
            @Schema(required = true, example = "CT-017-2025A") String deploymentID,
            @Schema(required = true, example = "CT-017-2025A", description = "stationId of its observations") String stationId,
            @Schema(required = true, nullable = true, example = "410821-01", description = "The active plot containing the point, or null") String plotCode,
            @Schema(required = true, nullable = true, example = "410821", description = "From the plot, else the countyCode parameter;"
                    + " null when neither gives one") String countyCode) {
    }

    @Schema(name = "ImportRowProblem")
    public record RowProblem(
            @Schema(required = true, example = "observations.csv") String file,
            @Schema(required = true, example = "17", description = "Line in the file; the header is line 1") int row,
            @Schema(required = true, example = "scientificName 'Felis catus' is not in the species catalog") String message,
            @Schema(required = true, example = "REJECTED", description = "REJECTED or SKIPPED") String outcome) {
    }
}
