package cn.jiaozuo.biodiversity.observation.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ObservationPage", description = "Newest first; pass nextCursor as cursor for the next page")
public record ObservationPage(
        @Schema(required = true) List<ObservationView> items,
        @Schema(required = true, nullable = true, example = "MjAyNS0wNS0xNFQwNjoxMjowMFp8MGI3YzZmNDMtNWQyZS00YTU3LTlhNTEtM2YwZDJmMWE4ZTIx",
                description = "Opaque; null on the last page") String nextCursor) {
}
