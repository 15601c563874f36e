package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.plot.domain.Survey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Survey", description = "A recorded field visit")
public record SurveyView(
        @Schema(required = true, example = "3f0e7a4c-8d0b-4c4b-9a55-0b6f1f7f2a10") UUID id,
        @Schema(required = true, example = "410821-01") String plotCode,
        @Schema(required = true, example = "2025-05-12") LocalDate visitedOn,
        @Schema(required = true, example = "修武县林业局监测二组") String team,
        @Schema(required = true, example = "TRANSECT") String method,
        @Schema(required = true, example = "3.5") BigDecimal effortHours,
        @Schema(required = true, example = "新增红外相机2台", nullable = true) String notes,
        @Schema(required = true, example = "ranger-li", description = "Subject of the ranger who recorded it") String recordedBy,
        @Schema(required = true, example = "2025-05-12T10:00:00Z") Instant createdAt) {

    static SurveyView of(Survey s) {
        return new SurveyView(s.id, s.plotCode, s.visitedOn, s.team, s.method.name(), s.effortHours, s.notes,
                s.recordedBy, s.createdAt);
    }
}
