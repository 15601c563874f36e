package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.observation.domain.ObservationService.ItemStatus;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ObservationBatchResponse", description = "Outcome per item, in request order")
public record ObservationBatchView(
        @Schema(required = true, example = "998") int accepted,
        @Schema(required = true, example = "1") int duplicates,
        @Schema(required = true, example = "1") int rejected,
        @Schema(required = true) List<ItemResult> results) {

    /** The answer listing {@code results} (one per item, in request order) with their counts. */
    static ObservationBatchView of(List<ItemResult> results) {
        return new ObservationBatchView(count(results, ItemStatus.CREATED), count(results, ItemStatus.DUPLICATE),
                count(results, ItemStatus.REJECTED), results);
    }

    private static int count(List<ItemResult> results, ItemStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }

    @Schema(name = "ObservationBatchItemResult")
    public record ItemResult(
            @Schema(required = true, example = "17") int index,
            @Schema(required = true, nullable = true, example = "0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21",
                    description = "The item's uuid; null when it had none that could be read") UUID uuid,
            @Schema(required = true, example = "CREATED") ItemStatus status,
            @Schema(required = true, nullable = true, description = "Why the item was rejected, field paths like items[17].count;"
                    + " null unless REJECTED") List<Problem.Violation> violations) {
    }
}
