package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.Ecosystem;
import cn.jiaozuo.biodiversity.plot.domain.SurveyMethod;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlotRequest", description = "A plot to create, or the new state of an existing one (PUT)")
public record PlotRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\u0000]*", message = "must not contain NUL characters")
        @Schema(example = "云台山茱萸峰样地") String name,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 code")
        @Schema(example = "410821", description = "GB/T 2260 code of a Jiaozuo county; cannot change on PUT")
        String countyCode,
        @NotNull @Schema(example = "FOREST") Ecosystem ecosystem,
        @NotNull
        @Schema(implementation = GeoJsonGeometry.class, description = "GeoJSON Polygon or MultiPolygon, WGS-84, positions "
                + "[longitude, latitude]; closed rings of at least 4 positions, no self-intersection, every vertex in Jiaozuo "
                + "or its surroundings", example = "{\"type\":\"Polygon\",\"coordinates\":[[[113.20,35.40],[113.21,35.40],[113.21,35.41],[113.20,35.41],[113.20,35.40]]]}")
        JsonNode geometry,
        @NotEmpty @Size(max = 5) @Schema(example = "[\"QUADRAT\",\"CAMERA_TRAP_GRID\"]") List<@NotNull SurveyMethod> methods,
        @Pattern(regexp = "[a-z0-9-]{1,60}", message = "must be an id from GET /protected-areas")
        @Schema(example = "yuntaishan-forest-park", nullable = true,
                description = "Id from GET /protected-areas; the area must lie in the plot's county")
        String protectedAreaId,
        @PastOrPresent @Schema(example = "2025-04-01", nullable = true) LocalDate establishedOn,
        @Min(1) @Max(3650) @Schema(example = "90", nullable = true, description = "Days allowed between survey visits; default 90")
        Integer surveyIntervalDays) {
}
