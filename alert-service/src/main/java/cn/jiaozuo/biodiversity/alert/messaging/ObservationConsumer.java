package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.domain.AlertDecisions;
import cn.jiaozuo.biodiversity.alert.domain.AlertRuleEngine;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseService;
import cn.jiaozuo.biodiversity.alert.repository.KnownSpeciesRepository;
import cn.jiaozuo.biodiversity.alert.repository.SensitiveSightingRepository;
import cn.jiaozuo.biodiversity.alert.repository.SpeciesCountyRecordRepository;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
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

/**
 * Reads topic {@code observations} (group {@code alert-service}) and feeds the rule engine. The
 * processed-event id and the alert changes commit together; an event that can never be applied
 * goes to {@code observations.dlq}.
 */
@ApplicationScoped
public class ObservationConsumer {

    public static final String NAME = "alert-service-observations";
    public static final String GROUP = "alert-service";

    private final IdempotentConsumers consumers;
    private final AlertRuleEngine engine;
    private final SpeciesCountyRecordRepository records;
    private final KnownSpeciesRepository species;
    private final SensitiveSightingRepository sightings;
    private final ObjectMapper json;
    private final ControlCaseService controlCases;

    public ObservationConsumer(IdempotentConsumers consumers, AlertRuleEngine engine, SpeciesCountyRecordRepository records,
            KnownSpeciesRepository species, SensitiveSightingRepository sightings, ObjectMapper json,
            ControlCaseService controlCases) {
        this.controlCases = controlCases;
        this.consumers = consumers;
        this.engine = engine;
        this.records = records;
        this.species = species;
        this.sightings = sightings;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(new ConsumerSpec(NAME, GROUP, List.of(Topics.OBSERVATIONS), Topics.OBSERVATIONS_DLQ,
                this::concerns), this::handle);
    }

    /**
     * An observation can change nothing here when no rule watches its species (links, and so withdrawals, exist only
     * for watched species), its species is not sensitive (ENFORCEMENT alerts keep recent sensitive sightings) and is
     * already known as recorded in its county: such events, most of a busy
     * day's, are passed over without a transaction or a processed-event row. Anything unreadable is the handler's,
     * which dead-letters it.
     */
    boolean concerns(EventEnvelope<JsonNode> event) {
        if (!EventTypes.OBSERVATION_RECORDED.equals(event.type()) && !EventTypes.OBSERVATION_REVIEWED.equals(event.type())) {
            return false;
        }
        JsonNode species = event.data().get("species");
        JsonNode county = event.data().get("countyCode");
        if (species == null || !species.isObject() || !species.path("id").canConvertToLong() || county == null
                || !county.isTextual()) {
            return true;
        }
        return AlertDecisions.watched(species.path("invasive").asBoolean(false), species.path("protectionLevel").asText(null))
                || species.path("sensitive").asBoolean(false)
                || !records.isKnownRecorded(species.path("id").asLong(), county.asText());
    }

    void handle(EventEnvelope<JsonNode> event) {
        switch (event.type()) {
            case EventTypes.OBSERVATION_RECORDED, EventTypes.OBSERVATION_REVIEWED -> {
                ObservationSnapshot observation = parse(event);
                // What ENFORCEMENT alerts need to know of species and sensitive sightings.
                species.learn(observation.species());
                sightings.observed(observation);
                engine.observed(observation);
                controlCases.sighted(observation); // a sighting in a control case's area reopens it
            }
            default -> {
                // Other observation event types carry nothing an alert depends on.
            }
        }
    }

    private ObservationSnapshot parse(EventEnvelope<JsonNode> event) {
        ObservationSnapshot observation;
        try {
            observation = json.treeToValue(event.data(), ObservationSnapshot.class);
        } catch (Exception e) {
            throw new PoisonEventException("Not an ObservationSnapshot: " + e.getMessage(), e);
        }
        if (observation.uuid() == null || observation.species() == null || observation.observedAt() == null
                || observation.location() == null || observation.species().scientificName() == null) {
            throw new PoisonEventException("Observation without uuid, species, observedAt or location");
        }
        if (!JiaozuoCounty.isValid(observation.countyCode())) {
            throw new PoisonEventException("Unknown county code " + observation.countyCode());
        }
        return observation;
    }
}
