package cn.jiaozuo.biodiversity.plot.messaging;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.messaging.ConsumerSpec;
import cn.jiaozuo.biodiversity.common.messaging.IdempotentConsumers;
import cn.jiaozuo.biodiversity.common.messaging.PoisonEventException;
import cn.jiaozuo.biodiversity.plot.repository.StationRepository;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps each station's {@code lastSeenAt} from the {@code ObservationRecorded} events observation-service
 * writes for its uploads ({@code data.stationId}, {@code data.observer}, {@code data.recordedAt}). Other
 * event types and observations without a station are skipped; so is an upload naming a station not
 * registered here (stations may be registered after they start uploading, and the next upload will count)
 * and one whose observer is not the identity the station is bound to: only the station itself shows
 * that it is alive. The snapshot does not carry the observer's roles, so an admin's upload for a
 * station (intake allows it, e.g. a memory card read out by hand) does not count either.
 */
@ApplicationScoped
public class StationActivityConsumer {

    public static final String NAME = "station-activity";
    public static final String GROUP_ID = "sampling-plot-service";

    private static final Logger LOG = Logger.getLogger(StationActivityConsumer.class);

    private final IdempotentConsumers consumers;
    private final StationRepository stations;

    public StationActivityConsumer(IdempotentConsumers consumers, StationRepository stations) {
        this.consumers = consumers;
        this.stations = stations;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(new ConsumerSpec(NAME, GROUP_ID, List.of(Topics.OBSERVATIONS), Topics.OBSERVATIONS_DLQ,
                StationActivityConsumer::concerns), this::handle);
    }

    /** Station uploads only: a ranger's sighting costs this service nothing. */
    static boolean concerns(EventEnvelope<JsonNode> event) {
        JsonNode stationId = event.data().get("stationId");
        return EventTypes.OBSERVATION_RECORDED.equals(event.type()) && stationId != null && !stationId.isNull();
    }

    void handle(EventEnvelope<JsonNode> event) {
        JsonNode stationId = event.data().get("stationId");
        if (!stationId.isTextual() || stationId.asText().isBlank()) {
            throw new PoisonEventException("stationId must be a non-empty string");
        }
        Instant recordedAt = recordedAt(event.data().get("recordedAt"));
        JsonNode observer = event.data().get("observer");
        // No observer matches no binding: skipped, not dead-lettered (the event is well formed).
        if (observer == null || !observer.isTextual()
                || !stations.markSeen(stationId.asText(), observer.asText(), recordedAt)) {
            LOG.debugf("Upload naming station %s skipped: not registered, or not from its bound identity", stationId.asText());
        }
    }

    private static Instant recordedAt(JsonNode node) {
        if (node != null && node.isNumber()) {
            // Jackson's numeric form: seconds since the epoch with a nanosecond fraction.
            java.math.BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).intValue());
        }
        if (node == null || !node.isTextual()) {
            throw new PoisonEventException("recordedAt is missing or not an ISO-8601 instant");
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("recordedAt is not an ISO-8601 instant: " + node.asText(), e);
        }
    }
}
