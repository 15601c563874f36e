package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.ControlMethod;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ControlActionRequest", description = "A control action as a ranger's app records it")
public record ControlActionRequest(
        @Schema(required = true, example = "0b7e4a52-51f3-4c1e-8d0c-6c1f2d9a7e01", description = "Made by the app: sending"
                + " the same action again is a replay (200), another action under the same uuid a 409") @NotNull UUID uuid,
        @Schema(required = true, example = "2026-06-12", description = "Local date (Asia/Shanghai), not in the future")
        @NotNull LocalDate performedOn,
        @Schema(required = true, example = "BIOLOGICAL_CONTROL") @NotNull ControlMethod method,
        @Schema(example = "1.5", description = "Treated area in hectares; required unless treatedOutline is given")
        @PositiveOrZero @DecimalMax("100000") Double treatedAreaHa,
        @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class, description = "GeoJSON Polygon of the treated area; its geodesic area is the"
                + " treated area", example = "{\"type\": \"Polygon\", \"coordinates\": [[[113.070, 35.160], [113.072, 35.160],"
                + " [113.072, 35.162], [113.070, 35.160]]]}") JsonNode treatedOutline,
        @Schema(example = "300000", description = "e.g. wasps released, trees felled, kg removed; with unit; at most 3 decimals")
        @PositiveOrZero @Digits(integer = 10, fraction = 3) BigDecimal quantity,
        @Schema(example = "wasps (周氏啮小蜂)") @Size(max = 40) String unit,
        @Schema(example = "温县林业站防治队") @Size(max = 200) String team,
        @Schema(example = "Released at 4 points along the levee") @Size(max = 2000) String notes) {
}
