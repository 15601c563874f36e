package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.domain.EnforcementAlerts;
import cn.jiaozuo.biodiversity.alert.domain.EnforcementDecisions;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.IncidentSnapshot;
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
 * Reads topic {@code patrols} (group {@code alert-service-patrols}, its own so that its offsets and rebalances are
 * apart from the observation consumer's) and raises ENFORCEMENT alerts from {@code IncidentReported}. The
 * processed-event id and the alert commit together; an incident that can never be applied goes to
 * {@code patrols.dlq}. {@code PatrolRecorded} is passed over without a transaction.
 */
@ApplicationScoped
public class PatrolConsumer {

    public static final String NAME = "alert-service-patrols";
    public static final String GROUP = "alert-service-patrols";

    private final IdempotentConsumers consumers;
    private final EnforcementAlerts enforcement;
    private final ObjectMapper json;

    public PatrolConsumer(IdempotentConsumers consumers, EnforcementAlerts enforcement, ObjectMapper json) {
        this.consumers = consumers;
        this.enforcement = enforcement;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(new ConsumerSpec(NAME, GROUP, List.of(Topics.PATROLS), Topics.PATROLS_DLQ,
                e -> EventTypes.INCIDENT_REPORTED.equals(e.type())), this::handle);
    }

    void handle(EventEnvelope<JsonNode> event) {
        enforcement.reported(parse(event));
    }

    private IncidentSnapshot parse(EventEnvelope<JsonNode> event) {
        IncidentSnapshot incident;
        try {
            incident = json.treeToValue(event.data(), IncidentSnapshot.class);
        } catch (Exception e) {
            throw new PoisonEventException("Not an IncidentSnapshot: " + e.getMessage(), e);
        }
        if (incident == null || incident.uuid() == null || incident.patrolUuid() == null || incident.observedAt() == null
                || incident.location() == null) {
            throw new PoisonEventException("Incident without uuid, patrolUuid, observedAt or location");
        }
        if (!EnforcementDecisions.TYPES.contains(incident.type())) {
            throw new PoisonEventException("Unknown incident type " + incident.type());
        }
        double lat = incident.location().lat();
        double lon = incident.location().lon();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new PoisonEventException("Incident location out of range");
        }
        if (!JiaozuoCounty.isValid(incident.countyCode())) {
            throw new PoisonEventException("Unknown county code " + incident.countyCode());
        }
        return incident;
    }
}
