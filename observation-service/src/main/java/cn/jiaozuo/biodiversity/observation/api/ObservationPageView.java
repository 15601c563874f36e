package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.domain.ObservationReader;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ObservationPage", description = "Newest first; pass nextCursor as cursor for the next page")
public record ObservationPageView(
        @Schema(required = true) List<ObservationView> items,
        @Schema(required = true, nullable = true, example = "MjAyNS0wNS0xNFQwNjoxMjowMFp8MGI3YzZmNDMtNWQyZS00YTU3LTlhNTEtM2YwZDJmMWE4ZTIx",
                description = "Opaque; null on the last page") String nextCursor) {

    static ObservationPageView of(ObservationReader.Page page) {
        return new ObservationPageView(page.items().stream().map(ObservationView::of).toList(),
                ObservationCursor.encode(page.next()));
    }
}
