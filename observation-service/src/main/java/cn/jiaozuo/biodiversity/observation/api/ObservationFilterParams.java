package cn.jiaozuo.biodiversity.observation.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters that {@code GET /observations} and its GeoJSON and CSV exports share, declared and documented once.
 * Text as it arrived: {@link ObservationQuery} parses it, so that a bad value is a 400 naming its field.
 */
public class ObservationFilterParams {

    @Parameter(description = "Species id", example = "3")
    @QueryParam("speciesId")
    String speciesId;

    @Parameter(description = "GB/T 2260 county code", example = "410821")
    @QueryParam("countyCode")
    String countyCode;

    @Parameter(description = "Sampling plot code. Leaves out the records whose point this caller gets generalized"
            + " (sensitive species, unless the caller is their observer, a reviewer or an admin)", example = "410821-01")
    @QueryParam("plotCode")
    String plotCode;

    @Parameter(description = "observedAt ≥ from (ISO-8601 with offset, in the years 1900–2199). Records of sensitive species count as observed at the"
            + " start of their day in China", example = "2025-05-01T00:00:00+08:00")
    @QueryParam("from")
    String from;

    @Parameter(description = "observedAt < to (ISO-8601 with offset, in the years 1900–2199). Records of sensitive species count as observed at the"
            + " start of their day in China", example = "2025-06-01T00:00:00+08:00")
    @QueryParam("to")
    String to;

    @Parameter(description = "Token subject of the observer. Leaves out the records whose point this caller gets generalized"
            + " (they do not show their observer), unless the caller is that observer, a reviewer or an admin",
            example = "ranger-zhang-wei")
    @QueryParam("observer")
    String observer;

    /** With the parameters each endpoint documents itself (their descriptions and ranges differ). */
    ObservationQuery.Params with(String status, String method, String limit, String cursor) {
        return new ObservationQuery.Params(speciesId, countyCode, plotCode, from, to, status, observer, method, limit, cursor);
    }
}
