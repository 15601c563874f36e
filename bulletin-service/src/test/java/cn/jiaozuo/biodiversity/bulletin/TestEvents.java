package cn.jiaozuo.biodiversity.bulletin;

import static org.awaitility.Awaitility.await;

import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.events.AreaSnapshot;
import cn.jiaozuo.biodiversity.common.events.ControlActionSnapshot;
import cn.jiaozuo.biodiversity.common.events.ControlCaseSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.IncidentSnapshot;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.PatrolSnapshot;
import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.StationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SurveySnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.KafkaTestClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Events for tests, as the other services publish them (payload records of common's events package, in the envelope),
 * and a wait until bulletin-service's consumers have applied them (the processed-event row commits with the effect).
 */
final class TestEvents implements AutoCloseable {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ObjectMapper json;
    private final EntityManager em;
    private final KafkaTestClient kafka;
    private final List<Map.Entry<String, UUID>> sent = new ArrayList<>();
    private String lastTopic;
    private String lastKey;
    private String lastValue;

    TestEvents(ObjectMapper json, EntityManager em) {
        this(json, em, KafkaTestClient.create());
    }

    /** Sends with this client (e.g. on the test broker's unrestricted listener while the service runs as a SCRAM user). */
    TestEvents(ObjectMapper json, EntityManager em, KafkaTestClient kafka) {
        this.json = json;
        this.em = em;
        this.kafka = kafka;
    }

    /** A fresh species id: each test's species are its own, so first records in a county are its own too. */
    static long speciesId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }

    /** A month of its own for a test (1950–2019), so the figures count only the test's own events. */
    /** Months handed out so far in this JVM, three apart: each test's month and the one before it are its own. */
    private static final java.util.concurrent.atomic.AtomicInteger MONTHS =
            new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(0, 100));

    /**
     * A month no other test of this JVM uses (a random one collided now and then: another test's bulletin for the same
     * month and scope turned a 201 into the stored bulletin's 200), with its previous month free too.
     */
    static LocalDate month() {
        LocalDate month;
        do { // the fixtures' sighting day (the 12th) must not be a Monday: the weekly chart labels its weeks by Monday
            month = LocalDate.of(1950, 1, 1).plusMonths(3L * MONTHS.incrementAndGet());
        } while (month.plusDays(11).getDayOfWeek() == java.time.DayOfWeek.MONDAY);
        return month;
    }

    static Instant at(LocalDate day) {
        return LocalDateTime.of(day, java.time.LocalTime.of(10, 0)).atZone(SHANGHAI).toInstant();
    }

    static SpeciesSnapshot species(long id, String scientific, String chinese, String protection, boolean invasive, boolean sensitive) {
        return new SpeciesSnapshot(id, scientific, chinese, null, "BIRD", protection, invasive, sensitive);
    }

    void observation(SpeciesSnapshot species, String county, LocalDate day, int count, String status) {
        Instant when = at(day);
        ObservationSnapshot o = new ObservationSnapshot(UUID.randomUUID(), species, count, when.atOffset(ZoneOffset.ofHours(8)),
                when.plusSeconds(60), new GeoPoint(35.3, 113.3, 10.0, "WGS84"), county, null, "CAMERA_TRAP", null, "ranger-test",
                "RANGER", status, null, null, null);
        send(Topics.OBSERVATIONS, o.key(), EventTypes.OBSERVATION_RECORDED, o, "bulletin-observations");
    }

    void alert(String rule, String severity, String county, LocalDate day) {
        Instant when = at(day);
        AlertSnapshot a = new AlertSnapshot(UUID.randomUUID(), rule, severity, "OPEN", null, null, null, null, county, null, 1,
                null, null, null, null, null, when, when, null, null, null);
        send(Topics.ALERTS, county, EventTypes.ALERT_RAISED, a, "bulletin-alerts");
    }

    void patrol(String county, LocalDate day, double km, double hours) {
        Instant start = at(day);
        UUID uuid = UUID.randomUUID();
        PatrolSnapshot p = new PatrolSnapshot(uuid, "ROUTINE", "FOOT", county, List.of("ranger-test"), "ranger-test", start,
                "JSON", start, start.plusSeconds((long) (hours * 3600)), km, hours, 1);
        send(Topics.PATROLS, uuid.toString(), EventTypes.PATROL_RECORDED, p, "bulletin-patrols");
        IncidentSnapshot i = new IncidentSnapshot(UUID.randomUUID(), uuid, "SNARE", "REMOVED", null,
                new GeoPoint(35.3, 113.3, 5.0, "WGS84"), start.plusSeconds(600), 1, null, List.of(), county, "ROUTINE",
                List.of("ranger-test"), "ranger-test", null);
        send(Topics.PATROLS, uuid.toString(), EventTypes.INCIDENT_REPORTED, i, "bulletin-patrols");
    }

    /** An observation uploaded by a station (source STATION), on the station's plot. */
    void stationObservation(String stationId, String plotCode, SpeciesSnapshot species, String county, LocalDate day, String status) {
        Instant when = at(day);
        ObservationSnapshot o = new ObservationSnapshot(UUID.randomUUID(), species, 1, when.atOffset(ZoneOffset.ofHours(8)),
                when.plusSeconds(60), new GeoPoint(35.3, 113.3, 10.0, "WGS84"), county, plotCode, "CAMERA_TRAP", stationId,
                "station-" + stationId, "STATION", status, null, null, null);
        send(Topics.OBSERVATIONS, o.key(), EventTypes.OBSERVATION_RECORDED, o, "bulletin-observations");
    }

    /** A station of the register (StationUpserted) as sampling-plot-service publishes it. */
    void station(String id, String plotCode, Instant updatedAt) {
        StationSnapshot s = new StationSnapshot(id, "CAMERA_TRAP", "station-" + id, plotCode, updatedAt);
        send(Topics.STATIONS, id, EventTypes.STATION_UPSERTED, s, "bulletin-stations");
    }

    void plot(String code, String county) {
        PlotSnapshot p = new PlotSnapshot(code, "Test plot " + code, county, null, "FOREST", List.of("LINE_TRANSECT"), "ACTIVE",
                null, 100.0, null, LocalDate.of(2020, 1, 1), 90, Instant.now());
        send(Topics.PLOTS, code, EventTypes.PLOT_UPSERTED, p, "bulletin-plots-v2");
    }

    /** A plot with its start and survey interval; {@code retired}: PlotRetired (status RETIRED). */
    void plot(String code, String county, LocalDate establishedOn, int intervalDays, boolean retired) {
        PlotSnapshot p = new PlotSnapshot(code, "Test plot " + code, county, null, "FOREST", List.of("LINE_TRANSECT"),
                retired ? "RETIRED" : "ACTIVE", null, 100.0, null, establishedOn, intervalDays, Instant.now());
        send(Topics.PLOTS, code, retired ? EventTypes.PLOT_RETIRED : EventTypes.PLOT_UPSERTED, p, "bulletin-plots-v2");
    }

    /** A survey visit (SurveyRecorded) as sampling-plot-service publishes it; key = survey id. */
    void survey(String id, String plotCode, String county, LocalDate visitedOn, String effortHours) {
        SurveySnapshot s = new SurveySnapshot(id, plotCode, county, null, visitedOn, "LINE_TRANSECT",
                new java.math.BigDecimal(effortHours), at(visitedOn));
        send(Topics.SURVEYS, id, EventTypes.SURVEY_RECORDED, s, "bulletin-surveys");
    }

    /** A catalog species (SpeciesUpserted) as observation-service publishes it; key = species id. */
    void catalogSpecies(SpeciesSnapshot species) {
        send(Topics.SPECIES, Long.toString(species.id()), EventTypes.SPECIES_UPSERTED, species, "bulletin-species");
    }

    /** An observation at an exact instant (window boundaries). */
    void observationAt(SpeciesSnapshot species, String county, Instant when, String status) {
        ObservationSnapshot o = new ObservationSnapshot(UUID.randomUUID(), species, 1, when.atOffset(ZoneOffset.ofHours(8)),
                when.plusSeconds(60), new GeoPoint(35.0, 112.8, 10.0, "WGS84"), county, null, "CAMERA_TRAP", null, "ranger-test",
                "RANGER", status, null, null, null);
        send(Topics.OBSERVATIONS, o.key(), EventTypes.OBSERVATION_RECORDED, o, "bulletin-observations");
    }

    /** Sends the last event again as it was (same event id): a redelivery. */
    void redeliverLast() {
        kafka.send(lastTopic, lastKey, lastValue);
    }

    /** A county outline (AreaOutlined, kind COUNTY) as sampling-plot-service publishes it on the geography topic. */
    void outline(String county, String geoJson, Instant updatedAt) {
        try {
            AreaSnapshot a = new AreaSnapshot(AreaSnapshot.COUNTY, county, county, county, json.readTree(geoJson), "test", true,
                    updatedAt);
            send(Topics.GEOGRAPHY, AreaSnapshot.key(AreaSnapshot.COUNTY, county), EventTypes.AREA_OUTLINED, a, "bulletin-geography");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A control case's event (ControlCaseOpened, ControlCaseStatusChanged or ControlCaseUpdated) as alert-service
     * publishes it; key = case id.
     */
    void controlCase(String type, UUID id, SpeciesSnapshot species, String county, String status, double areaHa,
            Instant openedAt, LocalDate eradicatedOn, Instant updatedAt) {
        ControlCaseSnapshot c = new ControlCaseSnapshot(id, status, null, null, species.id(), species.scientificName(),
                species.chineseName(), county, "HIGH", "test forestry station", areaHa, 35.3, 113.3, null, eradicatedOn, openedAt,
                updatedAt);
        send(Topics.CONTROL_CASES, id.toString(), type, c, "bulletin-control-cases");
    }

    /** A control action (ControlActionRecorded) against a case; key = case id. */
    void controlAction(UUID actionId, UUID caseId, SpeciesSnapshot species, String county, LocalDate performedOn, double treatedHa) {
        ControlActionSnapshot a = new ControlActionSnapshot(actionId, caseId, species.id(), county, performedOn, "WEB_TENT_CUTTING",
                treatedHa, java.math.BigDecimal.ONE, "nests", "test team", "ranger-test", at(performedOn));
        send(Topics.CONTROL_CASES, caseId.toString(), EventTypes.CONTROL_ACTION_RECORDED, a, "bulletin-control-cases");
    }

    private void send(String topic, String key, String type, Object data, String consumer) {
        EventEnvelope<Object> envelope = new EventEnvelope<>(UUID.randomUUID(), type, Instant.now(), "test", data);
        try {
            lastTopic = topic;
            lastKey = key;
            lastValue = json.writeValueAsString(envelope);
            kafka.send(topic, key, lastValue);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sent.add(Map.entry(consumer, envelope.eventId()));
    }

    /** Waits (at most 30 s) until every event sent so far is applied. */
    void awaitApplied() {
        List<Map.Entry<String, UUID>> waiting = new ArrayList<>(sent);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).alias("events applied: " + waiting)
                .until(() -> {
                    waiting.removeIf(e -> applied(e.getKey(), e.getValue()));
                    return waiting.isEmpty();
                });
    }

    private boolean applied(String consumer, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).getResultList().isEmpty());
    }

    @Override
    public void close() {
        kafka.close();
    }
}
