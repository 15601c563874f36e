package cn.jiaozuo.biodiversity.observation.domain;

import java.util.List;

/**
 * The outcome of a Camtrap DP import ({@link CamtrapDpImporter}): counts, the deployments placed, and every row that
 * did not become an observation (new or duplicate) or part of one. Each row of observations.csv is counted once:
 * rows = created + duplicates + rejected + skipped + combined.
 */
public record ImportResult(int created, int duplicates, int rejected, int skipped, int combined,
        List<PlacedDeployment> deployments, List<RowProblem> errors) {

    /** A usable deployment: its observations' station id, and the plot and county its point lies in (null: none). */
    public record PlacedDeployment(String deploymentID, String stationId, String plotCode, String countyCode) {
    }

    public enum Outcome {
        REJECTED, SKIPPED
    }

    /** A row of {@code file} ({@code row}: its line, the header is line 1) and why it became no observation. */
    public record RowProblem(String file, int row, String message, Outcome outcome) {
    }
}
