package cn.jiaozuo.biodiversity.bulletin.messaging;

import cn.jiaozuo.biodiversity.bulletin.config.BulletinConfig;
import cn.jiaozuo.biodiversity.bulletin.repository.FactRepository;
import cn.jiaozuo.biodiversity.bulletin.repository.FactRepository.ObservationRow;
import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.events.AreaSnapshot;
import cn.jiaozuo.biodiversity.common.events.ControlActionSnapshot;
import cn.jiaozuo.biodiversity.common.events.ControlCaseSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.IncidentSnapshot;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.PatrolSnapshot;
import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.StationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SurveySnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.messaging.ConsumerSpec;
import cn.jiaozuo.biodiversity.common.messaging.IdempotentConsumers;
import cn.jiaozuo.biodiversity.common.messaging.PoisonEventException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * Keeps bulletin-service's read model (docs/bulletins.md, "Read model") from nine topics, one idempotent consumer
 * each: {@code observations} (ObservationRecorded, ObservationReviewed), {@code alerts} (every alert event),
 * {@code patrols} (PatrolRecorded, IncidentReported), {@code plots} (PlotUpserted, PlotRetired), {@code geography}
 * (AreaOutlined), {@code control-cases} (every case event, ControlActionRecorded), {@code stations}
 * (StationUpserted), {@code surveys} (SurveyRecorded) and {@code species} (SpeciesUpserted). The newest state
 * of a record wins; events that can never be applied (no id, an unknown county) go to the topic's {@code .dlq}.
 */
@ApplicationScoped
public class ReadModelConsumers {

    public static final String OBSERVATIONS = "bulletin-observations";
    public static final String ALERTS = "bulletin-alerts";
    public static final String PATROLS = "bulletin-patrols";
    /** "-v2" since V6, with its group: processed ids are kept per name, and the plots must all be applied again. */
    public static final String PLOTS = "bulletin-plots-v2";
    public static final String GEOGRAPHY = "bulletin-geography";
    public static final String CONTROL_CASES = "bulletin-control-cases";
    public static final String STATIONS = "bulletin-stations";
    public static final String SURVEYS = "bulletin-surveys";
    public static final String SPECIES = "bulletin-species";

    /** observation-service's protection levels (common's SpeciesSnapshot). */
    private static final Set<String> PROTECTION_LEVELS = Set.of("NATIONAL_I", "NATIONAL_II", "PROVINCIAL", "NONE");

    private static final Set<String> CASE_EVENTS = Set.of(EventTypes.CONTROL_CASE_OPENED,
            EventTypes.CONTROL_CASE_STATUS_CHANGED, EventTypes.CONTROL_CASE_UPDATED);

    /** alert-service's case statuses (docs/control-cases.md). */
    private static final Set<String> CASE_STATUSES = Set.of("DETECTED", "UNDER_CONTROL", "CONTROLLED", "ERADICATED", "CLOSED");

    private static final Set<String> ALERT_EVENTS = Set.of(EventTypes.ALERT_RAISED, EventTypes.ALERT_UPDATED,
            EventTypes.ALERT_ESCALATED, EventTypes.ALERT_ACKNOWLEDGED, EventTypes.ALERT_RESOLVED);

    private final IdempotentConsumers consumers;
    private final FactRepository facts;
    private final ObjectMapper json;
    private final BulletinConfig.Consumers groups;

    public ReadModelConsumers(IdempotentConsumers consumers, FactRepository facts, ObjectMapper json, BulletinConfig config) {
        this.consumers = consumers;
        this.facts = facts;
        this.json = json;
        this.groups = config.consumers();
    }

    void start(@Observes StartupEvent event) {
        consumers.start(new ConsumerSpec(OBSERVATIONS, groups.observationsGroup(), List.of(Topics.OBSERVATIONS), Topics.OBSERVATIONS_DLQ,
                e -> EventTypes.OBSERVATION_RECORDED.equals(e.type()) || EventTypes.OBSERVATION_REVIEWED.equals(e.type())),
                this::observation);
        consumers.start(new ConsumerSpec(ALERTS, groups.alertsGroup(), List.of(Topics.ALERTS), Topics.ALERTS_DLQ,
                e -> ALERT_EVENTS.contains(e.type())), this::alert);
        consumers.start(new ConsumerSpec(PATROLS, groups.patrolsGroup(), List.of(Topics.PATROLS), Topics.PATROLS_DLQ,
                e -> EventTypes.PATROL_RECORDED.equals(e.type()) || EventTypes.INCIDENT_REPORTED.equals(e.type())), this::patrol);
        consumers.start(new ConsumerSpec(PLOTS, groups.plotsGroup(), List.of(Topics.PLOTS), Topics.PLOTS_DLQ,
                e -> EventTypes.PLOT_UPSERTED.equals(e.type()) || EventTypes.PLOT_RETIRED.equals(e.type())), this::plot);
        consumers.start(new ConsumerSpec(GEOGRAPHY, groups.geographyGroup(), List.of(Topics.GEOGRAPHY), Topics.GEOGRAPHY_DLQ,
                e -> EventTypes.AREA_OUTLINED.equals(e.type())), this::area);
        consumers.start(new ConsumerSpec(CONTROL_CASES, groups.controlCasesGroup(), List.of(Topics.CONTROL_CASES),
                Topics.CONTROL_CASES_DLQ, e -> CASE_EVENTS.contains(e.type()) || EventTypes.CONTROL_ACTION_RECORDED.equals(e.type())),
                this::controlCase);
        consumers.start(new ConsumerSpec(STATIONS, groups.stationsGroup(), List.of(Topics.STATIONS), Topics.STATIONS_DLQ,
                e -> EventTypes.STATION_UPSERTED.equals(e.type())), this::station);
        consumers.start(new ConsumerSpec(SURVEYS, groups.surveysGroup(), List.of(Topics.SURVEYS), Topics.SURVEYS_DLQ,
                e -> EventTypes.SURVEY_RECORDED.equals(e.type())), this::survey);
        consumers.start(new ConsumerSpec(SPECIES, groups.speciesGroup(), List.of(Topics.SPECIES), Topics.SPECIES_DLQ,
                e -> EventTypes.SPECIES_UPSERTED.equals(e.type())), this::species);
    }

    /** Runs in the consumer's transaction, together with the processed-event insert. */
    void observation(EventEnvelope<JsonNode> event) throws Exception {
        ObservationSnapshot o = read(event, ObservationSnapshot.class);
        if (o.uuid() == null || o.species() == null || o.species().scientificName() == null || o.observedAt() == null
                || o.recordedAt() == null) {
            throw new PoisonEventException("Observation without uuid, species, observedAt or recordedAt");
        }
        county(o.countyCode(), "Observation " + o.uuid());
        var s = o.species();
        facts.upsertObservation(new ObservationRow(o.uuid(), s.id(), s.scientificName(), s.chineseName(), s.group(),
                s.protectionLevel() == null ? "NONE" : s.protectionLevel(), s.invasive(), s.sensitive(), o.countyCode(),
                o.observedAt().toInstant(), Math.max(o.count(), 0), o.status() == null ? "UNVERIFIED" : o.status(),
                o.reviewedAt() != null ? o.reviewedAt() : o.recordedAt(),
                o.location() == null ? null : o.location().lat(), o.location() == null ? null : o.location().lon(),
                o.stationId() == null || o.stationId().isBlank() || o.stationId().length() > 100 ? null : o.stationId()));
    }

    void alert(EventEnvelope<JsonNode> event) throws Exception {
        AlertSnapshot a = read(event, AlertSnapshot.class);
        if (a.id() == null || a.rule() == null || a.severity() == null || a.createdAt() == null) {
            throw new PoisonEventException("Alert without id, rule, severity or createdAt");
        }
        county(a.countyCode(), "Alert " + a.id());
        facts.upsertAlert(a.id(), a.rule(), a.severity(), a.status() == null ? "OPEN" : a.status(), a.countyCode(), a.createdAt(),
                a.updatedAt() != null ? a.updatedAt() : a.createdAt());
    }

    void patrol(EventEnvelope<JsonNode> event) throws Exception {
        if (EventTypes.PATROL_RECORDED.equals(event.type())) {
            PatrolSnapshot p = read(event, PatrolSnapshot.class);
            if (p.uuid() == null || p.startedAt() == null) {
                throw new PoisonEventException("Patrol without uuid or startedAt");
            }
            county(p.countyCode(), "Patrol " + p.uuid());
            facts.upsertPatrol(p.uuid(), p.countyCode(), p.startedAt(), p.distanceKm(), p.durationHours());
        } else {
            IncidentSnapshot i = read(event, IncidentSnapshot.class);
            if (i.uuid() == null || i.patrolUuid() == null || i.type() == null || i.observedAt() == null) {
                throw new PoisonEventException("Incident without uuid, patrolUuid, type or observedAt");
            }
            county(i.countyCode(), "Incident " + i.uuid());
            facts.upsertIncident(i.uuid(), i.patrolUuid(), i.type(), i.countyCode(), i.observedAt());
        }
    }

    void plot(EventEnvelope<JsonNode> event) throws Exception {
        PlotSnapshot p = read(event, PlotSnapshot.class);
        if (p.code() == null || p.code().isBlank() || p.code().length() > 60 || p.updatedAt() == null) {
            throw new PoisonEventException("Plot without a usable code (1–60 characters) or updatedAt");
        }
        county(p.countyCode(), "Plot " + p.code());
        boolean active = !EventTypes.PLOT_RETIRED.equals(event.type()) && "ACTIVE".equals(p.status());
        facts.upsertPlot(p.code(), p.countyCode(), p.priorityArea(), active ? "ACTIVE" : "RETIRED", p.establishedOn(),
                p.surveyIntervalDays() > 0 ? p.surveyIntervalDays() : null, p.updatedAt());
    }

    /** A survey visit (visits are never changed: a redelivery writes the same row). */
    void survey(EventEnvelope<JsonNode> event) throws Exception {
        SurveySnapshot s = read(event, SurveySnapshot.class);
        if (s.id() == null || s.id().isBlank() || s.id().length() > 100 || s.plotCode() == null || s.plotCode().isBlank()
                || s.plotCode().length() > 60 || s.visitedOn() == null || (s.method() != null && s.method().length() > 60)) {
            throw new PoisonEventException("Survey without a usable id (1–100 characters), plotCode (1–60) or visitedOn");
        }
        if (s.effortHours() != null && (s.effortHours().signum() < 0 || s.effortHours().precision() - s.effortHours().scale() > 8)) {
            throw new PoisonEventException("Survey " + s.id() + " has effort hours out of range: " + s.effortHours());
        }
        county(s.countyCode(), "Survey " + s.id());
        facts.upsertSurvey(s.id(), s.plotCode(), s.countyCode(), s.visitedOn(), s.method(),
                s.effortHours() == null ? java.math.BigDecimal.ZERO : s.effortHours(), s.recordedAt());
    }

    /** A catalog species as it is now; the topic's key (the id) keeps its events in order, so the last applied wins. */
    void species(EventEnvelope<JsonNode> event) throws Exception {
        SpeciesSnapshot s = read(event, SpeciesSnapshot.class);
        String level = s.protectionLevel() == null ? "NONE" : s.protectionLevel();
        if (s.id() <= 0 || s.scientificName() == null || s.scientificName().isBlank() || s.scientificName().length() > 200
                || (s.chineseName() != null && s.chineseName().length() > 200) || (s.group() != null && s.group().length() > 30)
                || !PROTECTION_LEVELS.contains(level)) {
            throw new PoisonEventException("Species without a positive id, a scientificName (1–200 characters) or a known"
                    + " protection level: " + s.id() + " " + s.protectionLevel());
        }
        facts.upsertSpecies(s.id(), s.scientificName(), s.chineseName(), s.group(), level, s.invasive(), s.sensitive());
    }

    /** County outlines for the map; protected areas are not drawn (yet) and are skipped. */
    void area(EventEnvelope<JsonNode> event) throws Exception {
        AreaSnapshot a = read(event, AreaSnapshot.class);
        if (a.kind() == null || a.id() == null || a.updatedAt() == null) {
            throw new PoisonEventException("Area without kind, id or updatedAt");
        }
        if (!AreaSnapshot.COUNTY.equals(a.kind())) {
            return;
        }
        county(a.id(), "County outline " + a.id());
        boolean drawn = a.active() && a.geometry() != null && !a.geometry().isNull();
        facts.upsertOutline(a.id(), drawn ? json.writeValueAsString(a.geometry()) : null, a.source(), a.updatedAt());
    }

    void station(EventEnvelope<JsonNode> event) throws Exception {
        StationSnapshot s = read(event, StationSnapshot.class);
        if (s.id() == null || s.id().isBlank() || s.id().length() > 100 || s.updatedAt() == null
                || (s.plotCode() != null && s.plotCode().length() > 60) || (s.type() != null && s.type().length() > 20)) {
            throw new PoisonEventException("Station without a usable id (1–100 characters) or updatedAt");
        }
        facts.upsertStation(s.id(), s.type(), s.plotCode(), s.updatedAt());
    }

    /** Control cases (the newest updatedAt wins) and their actions (inserted once). */
    void controlCase(EventEnvelope<JsonNode> event) throws Exception {
        if (EventTypes.CONTROL_ACTION_RECORDED.equals(event.type())) {
            ControlActionSnapshot a = read(event, ControlActionSnapshot.class);
            if (a.id() == null || a.caseId() == null || a.performedOn() == null || !(a.treatedAreaHa() >= 0)) {
                throw new PoisonEventException("Control action without id, caseId or performedOn, or with a negative area");
            }
            county(a.countyCode(), "Control action " + a.id());
            facts.insertControlAction(a.id(), a.caseId(), a.speciesId(), a.countyCode(), a.performedOn(), a.treatedAreaHa());
            return;
        }
        ControlCaseSnapshot c = read(event, ControlCaseSnapshot.class);
        if (c.id() == null || c.status() == null || !CASE_STATUSES.contains(c.status()) || c.scientificName() == null
                || c.openedAt() == null || c.updatedAt() == null || !(c.areaHa() >= 0)) {
            throw new PoisonEventException("Control case without id, a known status, scientificName, openedAt or updatedAt,"
                    + " or with a negative area");
        }
        county(c.countyCode(), "Control case " + c.id());
        facts.upsertControlCase(c.id(), c.speciesId(), c.scientificName(), c.chineseName(), c.countyCode(), c.status(), c.areaHa(),
                c.openedAt(), "ERADICATED".equals(c.status()) ? c.eradicatedOn() : null, c.updatedAt());
    }

    private static void county(String code, String what) {
        if (!JiaozuoCounty.isValid(code)) {
            throw new PoisonEventException(what + " has unknown county " + code);
        }
    }

    private <T> T read(EventEnvelope<JsonNode> event, Class<T> type) {
        try {
            return json.treeToValue(event.data(), type);
        } catch (Exception e) {
            throw new PoisonEventException(type.getSimpleName() + " payload unreadable: " + e.getMessage(), e);
        }
    }
}
