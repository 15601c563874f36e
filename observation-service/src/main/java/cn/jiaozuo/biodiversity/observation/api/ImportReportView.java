package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.domain.ImportResult;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportReport", description = "Outcome of a Camtrap DP import: counts, and every row that did not become"
        + " an observation (new or duplicate) or part of one, with the reason. Each row of observations.csv is counted once:"
        + " rows = created + duplicates + rejected + skipped + combined.")
public record ImportReportView(
        @Schema(required = true, example = "41", description = "New observations stored") int created,
        @Schema(required = true, example = "0", description = "Observations already imported before (same package, rows and content)") int duplicates,
        @Schema(required = true, example = "1", description = "observations.csv rows that could not be stored (unknown species, bad date,"
                + " unusable deployment, …), each listed in errors") int rejected,
        @Schema(required = true, example = "12", description = "Rows taken for no observation, each listed in errors: not animals (blank,"
                + " human, vehicle, unknown, unclassified), or media-level rows of an event classified at event level"
                + " (its event-level rows count the animals)") int skipped,
        @Schema(required = true, example = "29", description = "Media-level rows counted in the record of another row of their event and"
                + " species: an event without an event-level classification gives one observation per species, with the"
                + " highest count of its rows (should that record be rejected, its message says how many rows it stood for)")
        int combined,
        @Schema(required = true) List<Deployment> deployments,
        @Schema(required = true) List<RowProblem> errors) {

    static ImportReportView of(ImportResult r) {
        return new ImportReportView(r.created(), r.duplicates(), r.rejected(), r.skipped(), r.combined(),
                r.deployments().stream().map(d -> new Deployment(d.deploymentID(), d.stationId(), d.plotCode(), d.countyCode()))
                        .toList(),
                r.errors().stream().map(e -> new RowProblem(e.file(), e.row(), e.message(), e.outcome().name())).toList());
    }

    @Schema(name = "ImportDeployment", description = "A usable deployment (point in Jiaozuo) and where it was placed: the"
            + " station id its observations get, and the plot and county its point lies in. Unusable ones are in errors,"
            + " against their deployments.csv row")
    public record Deployment(
            @Schema(required = true, example = "CT-017-2025A") String deploymentID,
            @Schema(required = true, example = "CT-017-2025A", description = "stationId of its observations") String stationId,
            @Schema(required = true, nullable = true, example = "410821-01", description = "The active plot containing the point, or null") String plotCode,
            @Schema(required = true, nullable = true, example = "410821", description = "From the plot, else the countyCode parameter,"
                    + " else the one county outline covering the point; null when none gives one") String countyCode) {
    }

    @Schema(name = "ImportRowProblem")
    public record RowProblem(
            @Schema(required = true, example = "observations.csv") String file,
            @Schema(required = true, example = "17", description = "Line in the file; the header is line 1") int row,
            @Schema(required = true, example = "scientificName 'Felis catus' is not in the species catalog") String message,
            @Schema(required = true, example = "REJECTED", description = "REJECTED or SKIPPED") String outcome) {
    }
}
