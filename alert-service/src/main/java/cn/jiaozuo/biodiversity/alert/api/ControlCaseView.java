package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.ControlAction;
import cn.jiaozuo.biodiversity.alert.domain.ControlCase;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseService;
import cn.jiaozuo.biodiversity.alert.domain.FollowUpSurvey;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A control case as the API shows it; actions, follow-ups and the schedule only on GET /control-cases/{id} and writes. */
@Schema(name = "ControlCase")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ControlCaseView(
        @Schema(required = true, example = "3c9a1d2e-5f6b-4a7c-8d9e-0f1a2b3c4d5e") UUID id,
        @Schema(required = true, example = "UNDER_CONTROL", enumeration = {"DETECTED", "UNDER_CONTROL", "CONTROLLED", "ERADICATED", "CLOSED"}) String status,
        @Schema(required = true, example = "60") long speciesId,
        @Schema(required = true, example = "Hyphantria cunea") String scientificName,
        @Schema(example = "美国白蛾") String chineseName,
        @Schema(required = true, example = "410825") String countyCode,
        @Schema(required = true, example = "HIGH", enumeration = {"INFO", "MEDIUM", "HIGH", "CRITICAL"}) String severity,
        @Schema(required = true, example = "wenxian-forestry-station") String responsibleOrg,
        @Schema(example = "6f1c2a0e-2d7b-4c7e-9a55-3f0f3c1d2b11", description = "The alert it was opened from") UUID alertId,
        @Schema(required = true) Area area,
        @Schema(required = true, example = "2.83", description = "Infested area in hectares (geodesic)") double areaHa,
        @Schema(example = "2026-06-12") LocalDate lastActionOn,
        @Schema(example = "2026-06-26") LocalDate lastFollowUpOn,
        @Schema(example = "2026-09-01", description = "The day of the follow-up that completed the negative streak") LocalDate eradicatedOn,
        @Schema(example = "Webs on Populus along the levee") String notes,
        @Schema(required = true, example = "bureau-zhang") String openedBy,
        @Schema(required = true) Instant openedAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(example = "2026-07-10", description = "When the next follow-up survey is due; absent for DETECTED (awaiting a"
                + " first action) and ERADICATED cases") LocalDate nextFollowUpDue,
        @Schema(example = "1.5", description = "Sum of the actions' treated areas (repeated treatments count again)") Double treatedAreaHa,
        @Schema(example = "2", description = "Negative follow-ups since the species was last found") Integer negativeStreak,
        Schedule schedule,
        List<Action> actions,
        List<FollowUp> followUps,
        @Schema(example = "False report: the webs were of a native Spilosoma", description = "Why the case was closed by"
                + " hand (status CLOSED)") String closedReason,
        @Schema(example = "bureau-zhang") String closedBy,
        Instant closedAt) {

    /** The infestation: an outline, or a circle around {@code lat}/{@code lon}. */
    @Schema(name = "ControlCaseArea")
    public record Area(
            @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class, nullable = true, description = "GeoJSON Polygon; null for a circle",
                    example = "{\"type\": \"Polygon\", \"coordinates\": [[[113.07, 35.16], [113.08, 35.16], [113.08, 35.17], [113.07, 35.16]]]}")
            Map<String, Object> outline,
            @Schema(required = true, example = "35.162", description = "Circle centre, or a point inside the outline") double lat,
            @Schema(required = true, example = "113.072") double lon,
            @Schema(nullable = true, example = "300", description = "Circle radius in metres; null for an outline") Double radiusM) {
    }

    @Schema(name = "FollowUpSchedule", description = "The species' follow-up rules (docs/control-cases.md)")
    public record Schedule(@Schema(required = true, example = "14") int followUpIntervalDays,
            @Schema(required = true, example = "3") int negativesToEradicate,
            @Schema(required = true, example = "60") int minEradicationDays) {
    }

    @Schema(name = "ControlAction")
    public record Action(@Schema(required = true) UUID uuid,
            @Schema(required = true, example = "2026-06-12") LocalDate performedOn,
            @Schema(required = true, example = "BIOLOGICAL_CONTROL") String method,
            @Schema(required = true, example = "1.5") double treatedAreaHa,
            @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class, nullable = true,
                    description = "GeoJSON Polygon of the treated area") Map<String, Object> treatedOutline,
            @Schema(nullable = true, example = "300000") BigDecimal quantity,
            @Schema(nullable = true, example = "wasps (周氏啮小蜂)") String unit,
            @Schema(nullable = true, example = "温县林业站防治队") String team,
            @Schema(nullable = true) String notes,
            @Schema(required = true, example = "ranger-wang") String recordedBy,
            @Schema(required = true) Instant recordedAt) {
    }

    @Schema(name = "FollowUp")
    public record FollowUp(@Schema(required = true) UUID uuid,
            @Schema(required = true, example = "2026-06-26") LocalDate surveyedOn,
            @Schema(required = true, example = "false") boolean found,
            @Schema(nullable = true, example = "0") Double density,
            @Schema(nullable = true) String notes,
            @Schema(required = true, example = "ranger-wang") String recordedBy,
            @Schema(required = true) Instant recordedAt) {
    }

    static ControlCaseView summary(ControlCase c, ObjectMapper json) {
        return of(c, json, null);
    }

    static ControlCaseView detail(ControlCaseService.Detail d, ObjectMapper json) {
        return of(d.controlCase(), json, d);
    }

    private static ControlCaseView of(ControlCase c, ObjectMapper json, ControlCaseService.Detail d) {
        return new ControlCaseView(c.id, c.status.name(), c.speciesId, c.scientificName, c.chineseName, c.countyCode,
                c.severity.name(), c.responsibleOrg, c.alertId, new Area(tree(c.outline, json), c.lat, c.lon, c.radiusM),
                c.areaHa, c.lastActionOn, c.lastFollowUpOn, c.eradicatedOn, c.notes, c.openedBy, c.openedAt, c.updatedAt,
                d == null ? null : d.nextFollowUpDue(), d == null ? null : d.treatedAreaHa(),
                d == null ? null : d.negativeStreak(),
                d == null ? null : new Schedule(d.schedule().intervalDays(), d.schedule().negativesToEradicate(),
                        d.schedule().minEradicationDays()),
                d == null ? null : d.actions().stream().map(a -> action(a, json)).toList(),
                d == null ? null : d.followUps().stream().map(ControlCaseView::followUp).toList(), c.closedReason,
                c.closedBy, c.closedAt);
    }

    private static Action action(ControlAction a, ObjectMapper json) {
        return new Action(a.id, a.performedOn, a.method.name(), a.treatedAreaHa, tree(a.treatedOutline, json), a.quantity,
                a.unit, a.team, a.notes, a.recordedBy, a.recordedAt);
    }

    private static FollowUp followUp(FollowUpSurvey f) {
        return new FollowUp(f.id, f.surveyedOn, f.found, f.density, f.notes, f.recordedBy, f.recordedAt);
    }

    private static Map<String, Object> tree(String geoJson, ObjectMapper json) {
        if (geoJson == null) {
            return null;
        }
        try {
            return json.readValue(geoJson, new TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored GeoJSON is not JSON", e);
        }
    }
}
