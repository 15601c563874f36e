package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ObservationBatchResponse", description = "Outcome per item, in request order")
public record BatchResponse(
        @Schema(example = "998") int accepted,
        @Schema(example = "1") int duplicates,
        @Schema(example = "1") int rejected,
        List<ItemResult> results) {

    public enum ItemStatus {
        CREATED, DUPLICATE, REJECTED
    }

    @Schema(name = "ObservationBatchItemResult")
    public record ItemResult(
            @Schema(example = "17") int index,
            @Schema(example = "0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21") UUID uuid,
            @Schema(example = "CREATED") ItemStatus status,
            @Schema(description = "Why the item was rejected, field paths like items[17].count") List<Problem.Violation> violations) {
    }
}
