package cn.jiaozuo.biodiversity.observation.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportReport", description = "Outcome of a Camtrap DP import: counts, and every row that did not become"
        + " a new observation or duplicate, with the reason")
public record ImportReport(
        @Schema(example = "41", description = "New observations stored") int created,
        @Schema(example = "0", description = "Rows already imported before (same observationID, same content)") int duplicates,
        @Schema(example = "1", description = "Animal rows that could not be stored (unknown species, bad date, …)") int rejected,
        @Schema(example = "12", description = "Rows that are not animal observations (blank, human, vehicle, unknown, unclassified)") int skipped,
        List<Deployment> deployments,
        List<RowProblem> errors) {

    @Schema(name = "ImportDeployment", description = "Where a deployment was placed: the station id its observations get,"
            + " and the plot and county its point lies in")
    public record Deployment(
            @Schema(example = "CT-017-2025A") String deploymentID,
            @Schema(example = "CT-017-2025A", description = "stationId of its observations") String stationId,
            @Schema(example = "410821-01", description = "The active plot containing the point, or null") String plotCode,
            @Schema(example = "410821", description = "From the plot, else the countyCode parameter") String countyCode) {
    }

    @Schema(name = "ImportRowProblem")
    public record RowProblem(
            @Schema(example = "observations.csv") String file,
            @Schema(example = "17", description = "Line in the file; the header is line 1") int row,
            @Schema(example = "scientificName 'Felis catus' is not in the species catalog") String message,
            @Schema(example = "REJECTED", description = "REJECTED or SKIPPED") String outcome) {
    }
}
