package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.Alert;
import cn.jiaozuo.biodiversity.alert.domain.AlertChecklistEntry;
import cn.jiaozuo.biodiversity.alert.domain.AlertService;
import cn.jiaozuo.biodiversity.alert.domain.ChecklistStep;
import cn.jiaozuo.biodiversity.alert.domain.RuleCode;
import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert as the API shows it; {@code observationUuids} and {@code history} only on GET /alerts/{id}. */
@Schema(name = "Alert")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(
        @Schema(required = true, example = "6f1c2a0e-2d7b-4c7e-9a55-3f0f3c1d2b11") UUID id,
        @Schema(required = true, example = "INVASIVE_SPECIES", implementation = RuleCode.class) String rule,
        @Schema(required = true, example = "CRITICAL", enumeration = {"INFO", "MEDIUM", "HIGH", "CRITICAL"}) String severity,
        @Schema(required = true, example = "OPEN", enumeration = {"OPEN", "ACKNOWLEDGED", "RESOLVED"}) String status,
        @Schema(example = "60", description = "Absent, as are the names, on an ENFORCEMENT alert whose incident"
                + " concerns no species and on a DISEASE_CLUSTER alert whose reports name no single species") Long speciesId,
        @Schema(example = "Hyphantria cunea", description = "Absent also when the incident names a species no observation"
                + " has shown this service yet") String scientificName,
        @Schema(example = "美国白蛾") String chineseName,
        @Schema(example = "INSECT") String speciesGroup,
        @Schema(required = true, example = "410821") String countyCode,
        @Schema(example = "XW-TH-003") String plotCode,
        @Schema(required = true, example = "3", description = "Observations counted; 0 on an ENFORCEMENT alert (see"
                + " incident.count)") int observationCount,
        @Schema(required = true, example = "2026-06-02T08:15:00+08:00", description = "Earliest observation time; to the hour on a"
                + " sensitive species' alert (location.obscured), as are lastObservedAt, createdAt, updatedAt and the"
                + " history's times") OffsetDateTime firstObservedAt,
        @Schema(required = true, example = "2026-06-04T17:40:00+08:00") OffsetDateTime lastObservedAt,
        @Schema(required = true) Location location,
        @Schema(example = "CONTAINED") String resolution,
        @Schema(example = "Spraying team dispatched") String notes,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(example = "SNARE within 3 km of a sighting of a sensitive species in the last 30 days",
                description = "Why the alert has its severity (ENFORCEMENT, DISEASE_CLUSTER, WILDLIFE_MORTALITY alerts);"
                        + " names no sighting") String reason,
        @Schema(description = "The patrol's incident behind an ENFORCEMENT alert") Incident incident,
        @Schema(description = "The mortality reports behind a DISEASE_CLUSTER or WILDLIFE_MORTALITY alert") Disease disease,
        @Schema(description = "Observations counted in the alert (withdrawn ones excluded); empty on a sensitive"
                + " species' alert (location.obscured), whose records are not named") List<UUID> observationUuids,
        List<HistoryEntry> history,
        @Schema(description = "The emergency checklist of a DISEASE_CLUSTER or WILDLIFE_MORTALITY alert (GET"
                + " /alerts/{id} and the checklist endpoint): every step, done or not") List<ChecklistItem> checklist) {

    /** Wildlife disease surveillance behind the alert; {@code reportIds} only on GET /alerts/{id}. */
    @Schema(name = "AlertDisease")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Disease(
            @Schema(required = true, example = "3", description = "Mortality reports the alert covers") int reportCount,
            @Schema(required = true, example = "7", description = "Animals found dead in them") int deadCount,
            @Schema(required = true, example = "2", description = "Animals found sick in them") int sickCount,
            @Schema(example = "H5N1", description = "The pathogen of the first POSITIVE sample; absent while none is")
            String pathogen,
            @Schema(description = "The mortality reports by their public id (GET /mortality-reports/{id})")
            List<UUID> reportIds) {
    }

    /** A step of the emergency checklist; who and when once done. */
    @Schema(name = "AlertChecklistItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChecklistItem(
            @Schema(required = true, example = "ISOLATE_SITE", enumeration = {"ISOLATE_SITE", "NOTIFY", "SAMPLE",
                    "DISINFECT"}) String step,
            @Schema(required = true, example = "true") boolean done,
            @Schema(example = "bureau-zhang") String doneBy,
            @Schema(example = "2026-11-30T09:12:00Z") Instant doneAt,
            @Schema(example = "Site cordoned off, 200 m around the reed bed") String notes) {
    }

    /** Where the alert is; a 0.1° cell centre when {@code obscured} (sensitive species). */
    @Schema(name = "AlertLocation")
    public record Location(
            @Schema(required = true, example = "35.25") double lat,
            @Schema(required = true, example = "113.35") double lon,
            @Schema(required = true, nullable = true, example = "7200",
                    description = "Accuracy of the point in metres; null when the observations gave none") Double accuracyM,
            @Schema(required = true, example = "false") boolean obscured) {
    }

    /** The incident of an ENFORCEMENT alert; without patrol, incident and protected area when obscured. */
    @Schema(name = "AlertIncident")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Incident(
            @Schema(required = true, example = "SNARE", enumeration = {"SNARE", "TRAP", "POACHING", "ILLEGAL_LOGGING",
                    "ILLEGAL_GRAZING", "FIRE", "MINING", "ILLEGAL_TRADE", "CARCASS", "DISTURBANCE", "OTHER"}) String type,
            @Schema(required = true, example = "4", description = "How many (snares, traps …) the incident counted") int count,
            @Schema(example = "REMOVED", enumeration = {"REMOVED", "CONFISCATED", "REPORTED_TO_POLICE", "NONE"}) String actionTaken,
            @Schema(example = "taihangshan-macaque-nnr", description = "The protected area the incident lies in;"
                    + " absent outside every one and on an obscured alert") String protectedAreaId,
            @Schema(example = "3f2c9d1e-7a4b-4c5d-9e8f-1a2b3c4d5e6f", description = "patrol-service's patrol; absent"
                    + " on an obscured alert") UUID patrolUuid,
            @Schema(example = "9b1e4f2a-6c3d-4e5f-8a7b-2c1d0e9f8a7b", description = "patrol-service's incident;"
                    + " absent on an obscured alert") UUID incidentUuid) {

        static Incident of(AlertSnapshot.Incident i) {
            return i == null ? null : new Incident(i.type(), i.count() == null ? 1 : i.count(), i.actionTaken(),
                    i.protectedAreaId(), i.patrolUuid(), i.incidentUuid());
        }
    }

    @Schema(name = "AlertHistoryEntry")
    public record HistoryEntry(@Schema(required = true) Instant at,
            @Schema(required = true, example = "ACKNOWLEDGED", description = "RAISED, OBSERVATION_ADDED, ESCALATED, OBSERVATION_WITHDRAWN, OBSERVATION_RESTORED, ACKNOWLEDGED, RESOLVED; REPORT_ADDED, SAMPLE_POSITIVE and CHECKLIST on disease alerts") String action,
            @Schema(required = true, example = "bureau-zhang") String actor,
            @Schema(required = true, nullable = true, example = "Field team notified") String details) {
    }

    public static AlertView summary(Alert a) {
        return of(a, null, null, null, null);
    }

    /** On a sensitive species' alert the observations stay unnamed: a uuid leads to the record and its observer. */
    public static AlertView detail(AlertService.Detail detail) {
        Alert a = detail.alert();
        return of(a, a.obscured ? List.of() : detail.observations().stream().map(o -> o.observationUuid).toList(),
                detail.history().stream().map(h -> new HistoryEntry(h.at, h.action, h.actor, h.details)).toList(),
                detail.reportIds(), a.rule.disease() ? checklist(detail.checklist()) : null);
    }

    private static List<ChecklistItem> checklist(List<AlertChecklistEntry> done) {
        return Arrays.stream(ChecklistStep.values()).map(step -> done.stream().filter(e -> e.step == step).findFirst()
                .map(e -> new ChecklistItem(step.name(), true, e.doneBy, e.doneAt, e.notes))
                .orElse(new ChecklistItem(step.name(), false, null, null, null))).toList();
    }

    private static AlertView of(Alert a, List<UUID> observations, List<HistoryEntry> history, List<UUID> reportIds,
            List<ChecklistItem> checklist) {
        AlertSnapshot.Disease d = a.disease();
        return new AlertView(a.id, a.rule.name(), a.severity.name(), a.status.name(), a.speciesId, a.scientificName,
                a.chineseName, a.speciesGroup, a.countyCode, a.plotCode, a.observationCount, a.firstObservedAt,
                a.lastObservedAt, new Location(a.lat, a.lon, a.accuracyM, a.obscured),
                a.resolution == null ? null : a.resolution.name(), a.notes, a.createdAt, a.updatedAt, a.reason,
                Incident.of(a.incident()), d == null ? null : new Disease(d.reportCount(), d.deadCount(), d.sickCount(),
                        d.pathogen(), reportIds), observations, history, checklist);
    }
}
